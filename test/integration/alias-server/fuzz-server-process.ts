/** Starts fuzz-harness.ts in a child process (tsx, --expose-gc) and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

export interface Memory {
  heapUsed: number
  rss: number
  gc: boolean
  /** Unexpected internal errors the server reported since the last sample. */
  errors: string[]
}

export interface ServerProcess {
  port: number
  pid: number
  /** Exit code/signal when the child has exited. */
  exited(): string | undefined
  output(): string
  memory(): Promise<Memory>
  stop(): Promise<void>
}

const ROOT = resolve(__dirname, '../../..')

export async function startServerProcess(): Promise<ServerProcess> {
  const child: ChildProcess = fork(resolve(__dirname, 'fuzz-harness.ts'), [], {
    cwd: ROOT,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: resolve(ROOT, 'tsconfig.node.json') },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc']
  })
  let output = ''
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-16_000)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  let exit: string | undefined
  const exited = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exit = `code ${code}, signal ${signal}`
      done()
    })
  )
  const ready = await new Promise<{ port: number; pid: number }>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`the fuzz harness did not start within 30 s:\n${output}`)), 30_000)
    child.on('message', (message: { type: string; port?: number; pid?: number }) => {
      if (message.type === 'ready') {
        clearTimeout(timer)
        resolveReady({ port: message.port!, pid: message.pid! })
      }
    })
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`the fuzz harness exited during start (${exit}):\n${output}`))
    })
  })
  let stopping: Promise<void> | undefined
  return {
    ...ready,
    exited: () => exit,
    output: () => output,
    memory: () =>
      new Promise<Memory>((resolveMemory, reject) => {
        if (exit) return reject(new Error(`the server process has exited (${exit}):\n${output}`))
        const timer = setTimeout(() => reject(new Error('no memory sample within 10 s')), 10_000)
        const onMessage = (message: { type: string } & Memory): void => {
          if (message.type !== 'memory') return
          clearTimeout(timer)
          child.off('message', onMessage)
          resolveMemory({ heapUsed: message.heapUsed, rss: message.rss, gc: message.gc, errors: message.errors })
        }
        child.on('message', onMessage)
        child.send({ type: 'memory' })
      }),
    stop: () =>
      (stopping ??= (async () => {
        if (exit) return
        child.send({ type: 'stop' })
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
        await exited
        clearTimeout(timer)
      })())
  }
}
