import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { TempDir } from './temp-dir'

/**
 * A long-running peer process: its output is kept (bounded) so that a start failure can show it,
 * and stop() is idempotent (SIGTERM, then SIGKILL after a grace period).
 */
export interface Daemon {
  readonly child: ChildProcess
  /** stdout + stderr so far (last 64 KiB). */
  output(): string
  /** Whether the process has exited (and how). */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined
  stop(): Promise<void>
}

const MAX_OUTPUT = 64 * 1024

export function spawnDaemon(
  command: string,
  args: string[],
  options: { cwd?: string; /** Folder removed if the test process exits without stop(). */ removeOnExit?: string } = {}
): Daemon {
  const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let buffer = ''
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined
  let spawnError: Error | undefined
  const append = (chunk: Buffer): void => {
    buffer += chunk.toString('utf8')
    if (buffer.length > MAX_OUTPUT) buffer = buffer.slice(-MAX_OUTPUT)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal }
      resolve()
    })
    child.once('error', (error) => {
      spawnError = error
      exit = { code: -1, signal: null }
      resolve()
    })
  })
  // if the test process ends without stop() (crash, process.exit), do not leave the daemon behind
  const killOnExit = (): void => {
    if (!exit) child.kill('SIGKILL')
    if (options.removeOnExit) rmSync(options.removeOnExit, { recursive: true, force: true })
  }
  process.once('exit', killOnExit)
  void exitedPromise.then(() => process.removeListener('exit', killOnExit))
  let stopping: Promise<void> | undefined
  return {
    child,
    output: () => (spawnError ? `${spawnError.message}\n` : '') + buffer,
    exited: () => exit,
    stop() {
      stopping ??= (async () => {
        if (exit) return
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
        await exitedPromise
        clearTimeout(timer)
      })()
      return stopping
    }
  }
}

/** Text of a log file, or '' when it does not exist (for start-failure messages). */
export async function readLog(path: string): Promise<string> {
  try {
    const text = await readFile(path, 'utf8')
    return text.length > MAX_OUTPUT ? text.slice(-MAX_OUTPUT) : text
  } catch {
    return ''
  }
}

/**
 * Polls `probe` until it resolves true, the daemon exits, or `timeoutMs` elapses.
 * Throws with `describe()` (the daemon's output/log) in the message.
 */
export async function waitUntilReady(
  name: string,
  daemon: Daemon,
  probe: () => Promise<boolean>,
  describe: () => Promise<string>,
  timeoutMs = 15_000
): Promise<void> {
  const started = Date.now()
  let lastError = ''
  while (Date.now() - started < timeoutMs) {
    const exit = daemon.exited()
    if (exit) {
      throw new Error(
        `${name} exited during start (code ${exit.code}, signal ${exit.signal}):\n${await describe()}`
      )
    }
    try {
      if (await probe()) return
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(
    `${name} did not answer within ${timeoutMs} ms${lastError ? ` (last probe error: ${lastError})` : ''}:\n${await describe()}`
  )
}

export interface DaemonStart {
  /** For messages, e.g. 'knotd'. */
  name: string
  command: string
  args: string[]
  spawn?: Parameters<typeof spawnDaemon>[2]
  /** The daemon's folder: stop() removes it after the process has ended. */
  temp: TempDir
  /** True once the daemon serves. */
  probe: () => Promise<boolean>
  /** What a start failure shows (default: the daemon's output). */
  describe?: (daemon: Daemon) => Promise<string>
  timeoutMs?: number
}

/**
 * Spawns the daemon and waits until `probe` says it serves. stop() ends it and removes its folder,
 * once however often it is called; a failed start stops it before throwing.
 */
export async function startDaemon(start: DaemonStart): Promise<{ daemon: Daemon; stop: () => Promise<void> }> {
  const daemon = spawnDaemon(start.command, start.args, start.spawn)
  let stopped: Promise<void> | undefined
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      await daemon.stop()
      await start.temp.cleanup()
    })())
  const describe = start.describe ?? (async (d: Daemon) => d.output())
  try {
    await waitUntilReady(start.name, daemon, start.probe, () => describe(daemon), start.timeoutMs ?? 15_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { daemon, stop }
}
