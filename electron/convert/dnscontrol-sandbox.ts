/**
 * Runs dnsconfig.js in a child process: Node's permission model on (no file system, no child processes,
 * no workers, no native addons), a heap cap, a CPU-time limit inside and a wall-clock limit outside.
 * Node's vm module alone is no security boundary; here it only keeps the DSL's globals apart.
 */
import { spawn } from 'node:child_process'
import { CHILD_SOURCE } from './dnscontrol-child'

export interface SandboxLimits {
  /** Time the script may run inside the context. */
  cpuMs: number
  /** Time the whole child may live (start-up included). */
  wallMs: number
  heapMb: number
}

const DEFAULT_LIMITS: SandboxLimits = { cpuMs: 2000, wallMs: 15_000, heapMb: 64 }
const MAX_OUTPUT = 8 * 1024 * 1024

export type SandboxReply =
  | { ok: true; result: unknown }
  | { ok: false; error: { message: string; line: number; column: number } }

export function runInSandbox(source: string, limits: SandboxLimits = DEFAULT_LIMITS): Promise<SandboxReply> {
  return new Promise((resolve) => {
    const permission = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission'
    const args = [permission, `--max-old-space-size=${limits.heapMb}`, '--no-warnings', '-e', CHILD_SOURCE, String(limits.cpuMs)]
    // ELECTRON_RUN_AS_NODE makes the Electron binary a plain Node; nothing else of our environment is passed on
    const child = spawn(process.execPath, args, { env: { ELECTRON_RUN_AS_NODE: '1' }, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true })
    let out = ''
    let err = ''
    let settled = false
    const finish = (reply: SandboxReply): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      child.kill('SIGKILL')
      resolve(reply)
    }
    const fail = (message: string): void => finish({ ok: false, error: { message, line: 0, column: 0 } })
    const timer = setTimeout(() => fail(`dnsconfig.js was stopped after ${limits.wallMs} ms`), limits.wallMs)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (d: string) => {
      out += d
      if (out.length > MAX_OUTPUT) fail(`dnsconfig.js produced more than ${MAX_OUTPUT} bytes of records`)
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (d: string) => {
      if (err.length < 65536) err += d
    })
    child.on('error', (e) => fail(`the sandbox could not start: ${e.message}`))
    child.on('close', (code, signal) => {
      const line = out.split('\n')[0]
      if (line) {
        try {
          return finish(JSON.parse(line) as SandboxReply)
        } catch {
          return fail('the sandbox gave an unreadable answer')
        }
      }
      if (/heap out of memory|Allocation failed/i.test(err)) return fail(`dnsconfig.js used more than ${limits.heapMb} MB of memory and was stopped`)
      fail(`the sandbox ended without an answer (${signal ?? `exit ${code}`})`)
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(source)
  })
}
