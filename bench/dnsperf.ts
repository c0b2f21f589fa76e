/** Runs dnsperf against one server on 127.0.0.1 and reads its summary. */
import { spawn } from 'node:child_process'
import { requireTool } from '../scripts/peers/require-tool'

export interface DnsperfOptions {
  port: number
  queryFile: string
  seconds: number
  /** -c: client sockets. */
  clients: number
  /** -q: queries outstanding at most. */
  inFlight: number
  /** -t: seconds before a query counts as lost (dnsperf's default, 5, when absent). */
  timeoutSeconds?: number
  /** -E code:value: one EDNS option (hex value) in every query, e.g. ECS. */
  ednsOption?: string
}

export interface DnsperfResult {
  sent: number
  completed: number
  lost: number
  /** Lines of dnsperf's output about unexpected or mismatched responses. */
  mismatched: number
  /** Run time as dnsperf measured it. */
  seconds: number
  qps: number
  avgLatencyMs: number
  /** Responses by RCODE, e.g. { NOERROR: 1234 }. */
  rcodes: Record<string, number>
  args: string[]
}

export async function runDnsperf(options: DnsperfOptions): Promise<DnsperfResult> {
  const dnsperf = requireTool('dnsperf', 'dnsperf')
  const args = [
    '-s', '127.0.0.1', '-p', String(options.port), '-d', options.queryFile,
    '-c', String(options.clients), '-q', String(options.inFlight), '-l', String(options.seconds),
    ...(options.timeoutSeconds === undefined ? [] : ['-t', String(options.timeoutSeconds)]),
    ...(options.ednsOption === undefined ? [] : ['-E', options.ednsOption])
  ]
  const child = spawn(dnsperf, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (out += c.toString()))
  const killer = setTimeout(() => child.kill('SIGKILL'), (options.seconds + 15) * 1000)
  const code = await new Promise<number | null>((done) => child.on('close', done))
  clearTimeout(killer)
  const num = (label: RegExp): number => {
    const m = label.exec(out)
    if (!m) throw new Error(`dnsperf output has no ${label} (exit ${code}):\n${out}`)
    return Number(m[1])
  }
  const rcodes: Record<string, number> = {}
  const section = /Response codes:\s+(.*)/.exec(out)?.[1] ?? ''
  for (const m of section.matchAll(/([A-Z]+) (\d+)/g)) rcodes[m[1]!] = Number(m[2])
  return {
    sent: num(/Queries sent:\s+(\d+)/),
    completed: num(/Queries completed:\s+(\d+)/),
    lost: num(/Queries lost:\s+(\d+)/),
    mismatched: (out.match(/unexpected|mismatch/gi) ?? []).length,
    seconds: num(/Run time \(s\):\s+([\d.]+)/),
    qps: num(/Queries per second:\s+([\d.]+)/),
    avgLatencyMs: num(/Average Latency \(s\):\s+([\d.]+)/) * 1000,
    rcodes,
    args: ['dnsperf', ...args]
  }
}
