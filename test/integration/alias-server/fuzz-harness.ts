/**
 * Runs the ALIAS server in a child process for the fuzz test, so that a crash shows as an exit and
 * its memory can be sampled alone. Started with `node --expose-gc --import tsx`; talks over IPC:
 * sends { ready, port, pid } once listening, answers { memory } with heap and RSS after a full GC.
 */
import { startAliasServer } from '../../../electron/alias-server'
import { parseZone } from '../../../electron/zone'
import { FUZZ_TARGET, FUZZ_ZONE } from './fuzz-zone'

type Request = { type: 'memory' } | { type: 'stop' }

async function main(): Promise<void> {
  const parsed = parseZone(FUZZ_ZONE)
  if (!parsed.zone || parsed.errors.length > 0) throw new Error(`fuzz zone: ${parsed.errors.map((e) => e.message).join('; ')}`)
  const errors: string[] = []
  const server = await startAliasServer({
    zones: [parsed.zone],
    upstream: { mode: 'simulated' },
    simulatedTarget: FUZZ_TARGET,
    logQueries: false,
    onError: (error) => errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error))
  })
  const gc = (globalThis as { gc?: () => void }).gc
  process.on('message', (message: Request) => {
    if (message.type === 'memory') {
      gc?.()
      gc?.()
      const usage = process.memoryUsage()
      process.send?.({ type: 'memory', heapUsed: usage.heapUsed, rss: usage.rss, gc: gc !== undefined, errors: errors.splice(0) })
    } else if (message.type === 'stop') {
      void server.stop().then(() => process.exit(0))
    }
  })
  process.on('disconnect', () => void server.stop().then(() => process.exit(0)))
  process.send?.({ type: 'ready', port: server.port, pid: process.pid })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(2)
})
