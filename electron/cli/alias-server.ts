/**
 * The ALIAS test server in a terminal: `npm run alias-server -- --zone FILE --port 5353 --upstream 127.0.0.1:53`.
 * Prints one line per query (unless --quiet) and every change of the simulated target; Ctrl-C stops it.
 */
import { join } from 'node:path'
import { type CompactZoneData, GeoFileError, loadGeoFile, loadZoneOffThread, startAliasServer, type ZoneAliasRecord } from '../alias-server'
import { aliasRefusal, PROFILES, profileText } from '../providers'
import type { ZoneDialect } from '@shared/alias-server'
import { MAX_ZONE_FILE_BYTES } from '../zone'
import { UsageError } from '@shared/errors'
import { ALIAS_SERVER_USAGE, parseAliasServerArgs } from './alias-server-args'
import { writeOut } from './read-args'

const DEMO_ZONE = join(__dirname, '..', 'alias-server', 'demo', 'demo.zone')

/** Each zone is read, parsed and compacted in a worker: the server starts with the compact form only. */
async function loadZones(paths: string[], dialect: ZoneDialect, flattenAllCnames: boolean): Promise<{ data: CompactZoneData; aliases: ZoneAliasRecord[] }[]> {
  const zones: { data: CompactZoneData; aliases: ZoneAliasRecord[] }[] = []
  for (const path of paths.length > 0 ? paths : [DEMO_ZONE]) {
    let loaded
    try {
      loaded = await loadZoneOffThread({ path, dialect, flattenAllCnames, maxBytes: MAX_ZONE_FILE_BYTES })
    } catch (error) {
      throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (!loaded.ok) {
      throw new UsageError(`${path} (read as ${dialect}):\n${loaded.errors.slice(0, 10).map((e) => `  line ${e.line}, column ${e.column}: ${e.message}`).join('\n')}`)
    }
    zones.push({ data: loaded.data, aliases: loaded.aliases })
  }
  return zones
}

async function main(argv: string[]): Promise<number> {
  const cmd = parseAliasServerArgs(argv)
  if (cmd.help) return writeOut(ALIAS_SERVER_USAGE)
  if (cmd.listProfiles) return writeOut(PROFILES.map(profileText).join('\n\n'))
  const loaded = await loadZones(cmd.zones, cmd.dialect, cmd.flattenAllCnames)
  const zones = loaded.map((z) => z.data)
  const profile = cmd.settings.profile ?? 'draft'
  for (const zone of loaded) {
    for (const r of zone.aliases) {
      const refusal = aliasRefusal(profile, r.name, zone.data.origin, r.target)
      if (refusal) process.stderr.write(`warning: line ${r.line}: ${refusal}; served anyway\n`)
    }
  }
  const geo = cmd.geo === null ? undefined : await loadGeoFile(cmd.geo)
  const server = await startAliasServer({
    ...(geo ? { geo } : {}),
    host: cmd.host,
    port: cmd.port,
    zones,
    upstream: cmd.upstream,
    settings: cmd.settings,
    logQueries: !cmd.quiet,
    ...(cmd.dnssec ? { dnssec: cmd.dnssec } : {}),
    transfer: cmd.transfer,
    onTransferLog: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
    onWarning: (message) => process.stderr.write(`warning: ${message}\n`)
  })
  const where = server.host.includes(':') ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`
  process.stdout.write(
    `alias-server listening on ${where} (udp, tcp); zones: ${zones.map((z) => z.origin).join(' ')}; ` +
      `upstream: ${server.upstreamMode}; profile: ${server.settings().profile}; simulated target: ${server.simulatedTarget.state().name}; dialect: ${cmd.dialect}` +
      `${geo ? `; geo targets: ${Object.keys(geo.targets).join(' ')}` : ''}\n`
  )
  for (const z of server.dnssec()) {
    process.stdout.write(`dnssec: ${z.zone} signed with ${z.algorithm} key ${z.keyTag} (${cmd.dnssec?.denial}); DS for the parent:\n${z.ds}\n`)
  }
  server.onQuery((batch) => {
    for (const e of batch) {
      const ttl = e.ttl === null ? '' : ` ttl=${e.ttl}`
      const rtt = e.upstreamRttMs === null ? '' : ` rtt=${e.upstreamRttMs}ms`
      const ede = e.ede ? ` ede=${e.ede.code}(${e.ede.text})` : ''
      const rule = e.rule ? ` rule="${e.rule}"` : ''
      const subnet = e.subnet ? ` subnet=${e.subnet}${e.region ? `(${e.region})` : ''}` : ''
      process.stdout.write(
        `${new Date(e.time).toISOString()} ${e.client} ${e.transport} ${e.name} ${e.type} ${e.rcode} cache=${e.cache}${ttl}${rtt}${e.truncated ? ' TC' : ''} ${e.answer}${ede}${rule}${subnet}\n`
      )
    }
  })
  server.simulatedTarget.onChange((c) => {
    process.stdout.write(`${new Date(c.time).toISOString()} simulated target v${c.version}: A ${c.a.join(' ')} AAAA ${c.aaaa.join(' ')} ttl=${c.ttl}\n`)
  })
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await server.stop()
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof UsageError ? `${error.message}\n${ALIAS_SERVER_USAGE}` : error instanceof GeoFileError ? error.message : error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
)
