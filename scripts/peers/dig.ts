import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { requireTool } from './require-tool'

const run = promisify(execFile)

/** Runs dig against 127.0.0.1:port and returns its text output. */
export async function dig(port: number, ...args: string[]): Promise<string> {
  const bin = requireTool('dig', 'bind9-dnsutils')
  const { stdout } = await run(bin, ['@127.0.0.1', '-p', String(port), '+time=2', '+tries=1', ...args], { timeout: 10_000 })
  return stdout
}

/** Runs kdig against 127.0.0.1:port and returns its text output. */
export async function kdig(port: number, ...args: string[]): Promise<string> {
  const bin = requireTool('kdig', 'knot-dnsutils')
  const { stdout } = await run(bin, ['@127.0.0.1', '-p', String(port), '+timeout=2', '+retry=0', ...args], { timeout: 10_000 })
  return stdout
}
