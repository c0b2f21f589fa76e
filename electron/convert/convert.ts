/** One conversion: read, apply the target's portability rules (flattening through a resolver), write. */
import type { ResolverTarget } from '@shared/dns'
import { ConvertError, firstErrors } from './errors'
import { flattenAliases, regenerateEverySeconds, type FlattenedOwner, type QueryFn } from './flatten'
import type { FormatId } from './formats'
import { warningFor, type ConvRecord, type ConvZone, type ConvertWarning, type WriteResult } from './model'
import { aliasIssues } from './portability'
import { readZone } from './read-zone'
import { WRITERS } from './write-zone'
import { zoneText } from './zone-text-write'

export interface ConvertOptions {
  from: FormatId
  to: FormatId
  /** Shown in errors (the input's path, or "-" for standard input). */
  file: string
  origin?: string
  resolver?: ResolverTarget
  query?: QueryFn
  now?: () => number
}

export interface ConvertResult {
  text: string
  origin: string
  warnings: ConvertWarning[]
  /** Lines for the user beside the output (how often a flattened zone must be regenerated). */
  summary: string[]
  flattened: FlattenedOwner[]
}

export async function convert(input: string, options: ConvertOptions): Promise<ConvertResult> {
  const { file } = options
  const read = await readZone(input, options.from, options)
  const warnings = [...read.warnings]
  let zone: ConvZone = read.zone
  const issues = aliasIssues(zone, options.to)
  let flattened: FlattenedOwner[] = []
  if (issues.length > 0) {
    if (!options.resolver || !options.query) {
      const hint = options.to === 'flat' ? 'the flat format needs a resolver (--resolver SERVER)' : 'give a resolver (--resolver SERVER) to flatten it into the addresses it has now'
      firstErrors(issues.map((i) => new ConvertError(file, i.record.line, i.record.column, `${i.record.name} ${i.record.type} ${i.record.rdata[0]}: ${i.reason} (${i.source}); ${hint}`)))
    }
    const result = await flattenAliases(zone, issues.map((i) => i.record), { resolver: options.resolver, query: options.query, file, now: (options.now ?? Date.now)() })
    zone = result.zone
    flattened = result.owners
    warnings.push(...result.warnings)
    if (options.to !== 'flat') {
      for (const i of issues) warnings.push(warningFor(i.record, `flattened to the addresses of ${i.record.rdata[0]} now: ${i.reason} (${i.source})`))
    }
  }
  const summary = flattened.length > 0 ? flattenSummary(flattened, (options.now ?? Date.now)()) : []
  const out = options.to === 'flat' ? writeFlat(zone, flattened, summary) : WRITERS[options.to].write(zone)
  return { text: out.text, origin: zone.origin, warnings: [...warnings, ...out.warnings], summary, flattened }
}

function flattenSummary(owners: FlattenedOwner[], now: number): string[] {
  const every = regenerateEverySeconds(owners, now)
  return [
    `${owners.length} alias${owners.length === 1 ? '' : 'es'} flattened; regenerate this zone at least every ${every} s to stay fresh (the shortest remaining TTL of the copied answers)`,
    ...owners.map((o) => `${o.name} -> ${o.target}: ${o.addresses.join(', ')}; re-flatten by ${new Date(o.refreshBy).toISOString()}`)
  ]
}

function writeFlat(zone: ConvZone, owners: FlattenedOwner[], summary: string[]): WriteResult {
  const before = new Map<ConvRecord, string[]>()
  for (const o of owners) {
    const first = zone.records.find((r) => r.name === o.name && (r.type === 'A' || r.type === 'AAAA'))
    if (first) before.set(first, [`re-flatten by ${new Date(o.refreshBy).toISOString()} (flattened from ALIAS ${o.target})`])
  }
  return { text: zoneText(zone, (r) => r.type, { before, header: summary.length ? [summary[0]] : [] }), warnings: [] }
}
