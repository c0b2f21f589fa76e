import { readFile } from 'node:fs/promises'
import { setMaxListeners } from 'node:events'
import { inspect, openObservationStore, WatchService, WatchStore, type ObservationStore } from '../inspector'
import { inspectText, sampleLine, stalenessText } from './inspect-text'
import { UsageError } from '@shared/errors'
import { parseInspectArgs, USAGE, type InspectCommand } from './inspect-args'
import { EXIT_OK, resolversOrSystem, runCli } from './run-cli'
import { writeOut } from './read-args'

/** No resolver answered, or another DNS failure that leaves nothing to judge. */
const EXIT_NO_ANSWER = 2

/** Watches for `seconds` in an in-memory store, printing samples as they come (text mode). */
async function watchFor(
  cmd: InspectCommand,
  target: string,
  signal: AbortSignal,
  observations: ObservationStore
): Promise<ReturnType<WatchService['get']>> {
  const store = new WatchStore(':memory:')
  let labels: string[] = []
  let done!: () => void
  const finished = new Promise<void>((resolve) => (done = resolve))
  const service = new WatchService({
    store,
    observations,
    onSample: (sample) => {
      if (!cmd.json) process.stdout.write(`${sampleLine(sample, labels)}\n`)
    },
    onState: (session) => {
      if (session.state !== 'running') done()
    }
  })
  const session = service.start({
    apex: cmd.apex,
    target,
    resolvers: cmd.resolvers,
    mode: cmd.mode,
    intervalSeconds: cmd.intervalSeconds,
    durationSeconds: cmd.watchSeconds,
    timeoutMs: cmd.timeoutMs,
    authoritative: !cmd.skipAuthoritative,
    authoritativePort: cmd.authoritativePort
  })
  labels = session.labels
  signal.addEventListener('abort', () => service.stop(session.id), { once: true })
  await finished
  const detail = service.get(session.id, cmd.policy)
  await service.dispose()
  return detail
}

async function readTrustAnchors(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`--trust-anchor ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}`)
  }
}

async function main(argv: string[]): Promise<number> {
  const cmd = parseInspectArgs(argv)
  if (cmd.help) return writeOut(USAGE)
  cmd.resolvers = await resolversOrSystem(cmd.resolvers)
  const abort = new AbortController()
  // every query listens for the abort: a locality grid adds two per subnet and resolver
  setMaxListeners(200, abort.signal)
  process.once('SIGINT', () => abort.abort())
  const opened = openObservationStore(cmd.dataDir)
  if (opened.problem) process.stderr.write(`inspect: ${opened.problem}\n`)
  const observations = opened.store
  try {
    return await inspectAndWatch(cmd, abort, observations)
  } finally {
    observations.close()
  }
}

async function inspectAndWatch(cmd: InspectCommand, abort: AbortController, observations: ObservationStore): Promise<number> {
  const result = await inspect(
    {
      apex: cmd.apex,
      ...(cmd.target ? { target: cmd.target } : {}),
      resolvers: cmd.resolvers,
      authoritativePort: cmd.authoritativePort,
      skipAuthoritative: cmd.skipAuthoritative,
      measureLookupCost: cmd.measureLookupCost,
      policy: cmd.policy,
      timeoutMs: cmd.timeoutMs,
      dnssec: cmd.dnssec,
      ...(cmd.trustAnchorFile ? { trustAnchors: await readTrustAnchors(cmd.trustAnchorFile) } : {}),
      ...(cmd.subnets.length > 0 ? { subnets: cmd.subnets } : {})
    },
    { signal: abort.signal, observations }
  )
  if (!cmd.json) process.stdout.write(inspectText(result))
  if (cmd.watchSeconds === undefined) {
    if (cmd.json) process.stdout.write(`${JSON.stringify({ inspect: result }, null, 2)}\n`)
    return EXIT_OK
  }
  if (!result.target) throw new UsageError('--watch needs a target: give one with --target')
  if (!cmd.json) process.stdout.write(`\nwatching for ${cmd.watchSeconds} s (${cmd.mode} mode) …\n`)
  const watch = await watchFor(cmd, result.target, abort.signal, observations)
  if (cmd.json) process.stdout.write(`${JSON.stringify({ inspect: result, watch }, null, 2)}\n`)
  else {
    const auth = watch.session.authoritative
    const missing = auth && (auth.apexServers.length === 0 || auth.targetServers.length === 0)
    if (missing) process.stdout.write(`\nzones' own servers not sampled: ${auth.problem ?? 'not found'}\n`)
    process.stdout.write(`\n${stalenessText(watch.analysis)}`)
  }
  return EXIT_OK
}

runCli('inspect', main, { serviceFailure: EXIT_NO_ANSWER })
