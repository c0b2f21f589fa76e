import { dnssecLines } from './dnssec-text'
import type { Locality } from '@shared/locality'
import type { InspectResult, ResolverInspection, RrsetObservation, StalenessAnalysis, WatchSample } from '@shared/inspector'
import { displayName } from '../dns'

const COLUMN = 52
const clip = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text)

/** Lines 'TYPE  value  ttl N' for the records of some RRsets, CNAME links first. */
function column(rrsets: readonly RrsetObservation[]): string[] {
  const lines: string[] = []
  const seenLinks = new Set<string>()
  for (const rrset of rrsets) {
    for (const link of rrset.chain) {
      const key = `${link.name}>${link.target}`
      if (seenLinks.has(key)) continue
      seenLinks.add(key)
      lines.push(`CNAME ${displayName(link.target)}  ttl ${link.ttl}`)
    }
    if (rrset.status === 'ok') {
      const sorted = [...rrset.records].sort((x, y) => x.data.localeCompare(y.data, 'en', { numeric: true }))
      for (const r of sorted) lines.push(`${r.type.padEnd(5)} ${r.data}  ttl ${r.ttl}`)
    } else {
      lines.push(`${rrset.type.padEnd(5)} (${rrset.status === 'error' ? `error: ${rrset.error?.message ?? rrset.rcode}` : rrset.status})`)
    }
  }
  return lines
}

function resolverBlock(r: ResolverInspection, result: InspectResult): string[] {
  const left = column([r.apex.a, r.apex.aaaa, ...(r.apex.cname.records.length ? [r.apex.cname] : []), ...(r.apex.https.records.length ? [r.apex.https] : [])])
  const right = r.target ? column([r.target.a, r.target.aaaa]) : ['(no target)']
  const out = [`resolver ${r.label}`, `  ${clip(`apex ${displayName(result.apex)}`, COLUMN).padEnd(COLUMN)} | target ${result.target ? displayName(result.target) : '-'}`]
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    out.push(`  ${clip(left[i] ?? '', COLUMN).padEnd(COLUMN)} | ${right[i] ?? ''}`)
  }
  if (r.comparison) {
    const c = r.comparison
    out.push(`  A: ${c.a.relation}, TTL ${c.a.ttlRelation}; AAAA: ${c.aaaa.relation}, TTL ${c.aaaa.ttlRelation}`)
  }
  for (const age of r.cache) out.push(`  ${age.type} in cache: ${age.text}`)
  if (r.dnssec) out.push(...dnssecLines(r.dnssec))
  return out
}

export function inspectText(result: InspectResult): string {
  const lines = [`${displayName(result.apex)} → ${result.target ? `${displayName(result.target)} (${result.targetSource})` : 'no target'}`, '']
  for (const r of result.resolvers) lines.push(...resolverBlock(r, result), '')
  const auth = result.authoritative
  if (auth) {
    const ttls = Object.entries(auth.ttls).map(([type, ttl]) => `${type} ${ttl} s`).join(', ')
    lines.push(`authoritative (${auth.nsNames.map(displayName).join(', ')}): ${ttls || auth.problem || 'no TTLs'}`)
  }
  for (const p of result.providers) lines.push(`DNS host: ${p.name} (${p.profile ? `profile ${p.profile}` : 'no profile'}): ${p.note}`)
  if (result.suggestions.length > 0) {
    lines.push('suggested targets:', ...result.suggestions.map((s) => `  ${displayName(s.name)}: ${s.reason}`))
  }
  const mark = { for: '+', against: '-', neutral: '·' } as const
  lines.push('', `verdict: ${result.verdict.verdict}`, result.verdict.summary, ...result.verdict.evidence.map((e) => `  ${mark[e.stance]} ${e.text}`))
  lines.push('', ...behaviourText(result.behaviour))
  if (result.lookupCost) lines.push('', lookupCostLine(result.lookupCost))
  if (result.httpsAlias) {
    const h = result.httpsAlias
    const hops = h.chain.map((x) => `${x.name} → ${x.target} (${x.ttl} s)`).join(', ')
    lines.push('', `HTTPS AliasMode: ${hops || h.start}; ends ${h.end} at ${h.final}${h.a.length + h.aaaa.length > 0 ? `: ${[...h.a, ...h.aaaa].join(' ')}` : ''}${h.problem ? ` (${h.problem})` : ''}`)
  }
  if (result.locality) lines.push('', ...localityText(result.locality))
  return `${lines.join('\n')}\n`
}

/** The locality grid: subnet × apex answer × target answer × same node. */
export function localityText(l: Locality): string[] {
  const rows = l.rows.map((r) => [r.subnet, r.resolver, r.apex.join(' ') || '-', r.target.join(' ') || '-', r.same === null ? '?' : r.same ? 'same' : 'DIFFERENT'])
  const head = ['subnet', 'resolver', 'apex', 'target', 'node']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]): string => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd()
  return ['locality:', line(head), ...rows.map(line), '', l.verdict]
}

/** The cost of the extra lookup, with the figures behind it. */
export function lookupCostLine(c: NonNullable<InspectResult['lookupCost']>): string {
  const ms = (n: number | null): string => (n === null ? '-' : `${n} ms`)
  return `${c.text} (apex cold ${ms(c.coldMs)}, warm ${ms(c.warmMs)}; ${c.staticName ?? 'static name'} ${ms(c.staticMs)}; ${c.paid} of ${c.answers} answers)`
}

/** Which provider profiles the apex's behaviour fits, in words. */
export function behaviourText(b: InspectResult['behaviour']): string[] {
  return [
    `behaviour consistent with: ${b.consistentWith.length > 0 ? b.consistentWith.join(', ') : 'no profile'}`,
    ...b.ruledOut.map((r) => `  - not ${r.profile}: ${r.because}`),
    ...b.evidence.map((e) => `  · ${e}`)
  ]
}

export function sampleLine(sample: WatchSample, labels: readonly string[]): string {
  const values = sample.status === 'ok' ? sample.values.join(' ') : sample.status === 'error' ? `error: ${sample.error?.message ?? ''}` : sample.status
  const ttl = sample.ttl !== undefined ? `  ttl ${sample.ttl}` : ''
  const via = sample.viewpoint === 'authoritative' ? `auth ${sample.server ?? ''}` : (labels[sample.resolverIndex] ?? String(sample.resolverIndex))
  return `${(sample.elapsedMs / 1000).toFixed(1).padStart(7)} s  ${via}  ${sample.side.padEnd(6)} ${sample.family.padEnd(4)} ${values}${ttl}`
}

export function stalenessText(analysis: StalenessAnalysis): string {
  return `${['staleness:', ...analysis.summary.map((line) => `  ${line}`)].join('\n')}\n`
}
