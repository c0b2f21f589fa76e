/** Forks alias-server-child.ts (tsx) and asks it for counters over IPC. */
import { fork } from 'node:child_process'
import { resolve } from 'node:path'
import type { AliasCounters } from '../../shared/alias-server'
import type { ProfileId } from '../../shared/providers'

/** Optional: the provider profile, and a geo file (then the upstream is the simulated geo CDN). */
export interface ChildExtras {
  profile?: ProfileId
  geoPath?: string
}

export interface AliasServerProcess {
  port: number
  pid: number
  counters(): Promise<AliasCounters>
  stop(): Promise<void>
}

const ROOT = resolve(__dirname, '../..')

export async function startAliasServerProcess(zonePath: string, port: number, upstreamPort: number, startTimeoutMs = 30_000, extras?: ChildExtras): Promise<AliasServerProcess> {
  const argv = [zonePath, String(port), String(upstreamPort), ...(extras ? [JSON.stringify(extras)] : [])]
  const child = fork(resolve(__dirname, 'alias-server-child.ts'), argv, {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: resolve(ROOT, 'tsconfig.node.json') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  await new Promise<void>((ready, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ALIAS server process did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs)
    child.once('message', () => {
      clearTimeout(timer)
      ready()
    })
    void exited.then(() => reject(new Error('the ALIAS server process exited during start')))
  })
  return {
    port,
    pid: child.pid!,
    counters: () =>
      new Promise((done) => {
        child.once('message', (m: { counters: AliasCounters }) => done(m.counters))
        child.send({ type: 'counters' })
      }),
    stop: async () => {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
    }
  }
}
