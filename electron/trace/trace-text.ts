/** `+trace` output as dig (BIND 9.18) prints it: each step's records, then where they came from. */
import { recordLine } from '../format/dig-columns'
import { digRdata } from '../format/dig-rdata'
import { displayName } from '../dns/names'
import type { TraceResult } from './trace'

export function formatTraceText(result: TraceResult): string {
  const lines: string[] = []
  for (const step of result.steps) {
    lines.push(...step.records.map((rr) => recordLine({ ...rr, data: digRdata(rr) })))
    const from = `${step.server.host}#${step.server.port}(${step.server.name ? displayName(step.server.name) : step.server.host})`
    lines.push(`;; Received ${step.result.sizes.response} bytes from ${from} in ${Math.round(step.result.timing.exchangeMs)} ms`, '')
  }
  if (result.error) lines.push(`;; trace stopped: ${result.error}`, '')
  return `${lines.join('\n')}\n`
}
