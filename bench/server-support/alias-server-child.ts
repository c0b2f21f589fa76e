/**
 * The ALIAS server in its own process for the benchmark: what `npm run alias-server -- --quiet
 * --zone FILE --port N --upstream IP:PORT` runs (startAliasServer, recursive upstream, no query log),
 * plus an IPC hook that reports its counters. Argv: zone file, port, upstream port on 127.0.0.1, and
 * optionally JSON `{ profile, geoPath }`: that profile, and `--upstream simulated --geo FILE` instead.
 */
import type { AliasServerOptions } from '../../electron/alias-server'
import { loadGeoFile, loadZoneOffThread, startAliasServer } from '../../electron/alias-server'
import { MAX_ZONE_FILE_BYTES } from '../../electron/zone'
import type { ChildExtras } from './alias-server-process'

async function upstreamOf(upstreamPort: string, extras: ChildExtras): Promise<Pick<AliasServerOptions, 'upstream' | 'geo'>> {
  if (extras.geoPath !== undefined) return { upstream: { mode: 'simulated' }, geo: await loadGeoFile(extras.geoPath) }
  return { upstream: { mode: 'recursive', resolver: { transport: 'udp', host: '127.0.0.1', port: Number(upstreamPort) } } }
}

async function main(): Promise<void> {
  const [zonePath, port, upstreamPort, extrasJson] = process.argv.slice(2)
  const extras = (extrasJson ? JSON.parse(extrasJson) : {}) as ChildExtras
  const loaded = await loadZoneOffThread({ path: zonePath!, maxBytes: MAX_ZONE_FILE_BYTES })
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `line ${e.line}: ${e.message}`).join('\n'))
  const server = await startAliasServer({
    host: '127.0.0.1',
    port: Number(port),
    zones: [loaded.data],
    ...(await upstreamOf(upstreamPort!, extras)),
    ...(extras.profile === undefined ? {} : { settings: { profile: extras.profile } }),
    logQueries: false
  })
  process.on('message', (message: { type: string }) => {
    if (message.type === 'counters') process.send?.({ type: 'counters', counters: server.counters() })
  })
  const stop = (): void => void server.stop().then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('disconnect', stop)
  process.send?.({ type: 'ready', port: server.port })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
