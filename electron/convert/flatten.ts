/**
 * Resolves aliases now, through a resolver, into static A/AAAA records whose TTLs never outlive the
 * answer they copy, and says by when each must be flattened again.
 */
import type { DnsQueryResult, ResolverTarget } from '@shared/dns'
import { ConvertError } from './errors'
import { warningFor, type AddressFamily, type ConvRecord, type ConvZone, type ConvertWarning } from './model'

export type QueryFn = (name: string, type: AddressFamily, resolver: ResolverTarget) => Promise<DnsQueryResult>

export interface FlattenContext {
  resolver: ResolverTarget
  query: QueryFn
  file: string
  now: number
}

export interface FlattenedOwner {
  name: string
  target: string
  /** When the copied answer can first be stale (ms since the epoch). */
  refreshBy: number
  addresses: string[]
}

interface FamilyAnswer {
  addresses: { data: string; ttl: number }[]
  /** Seconds until this answer (positive or negative) can change. */
  validFor: number
}

async function resolveFamily(r: ConvRecord, family: AddressFamily, ctx: FlattenContext): Promise<FamilyAnswer> {
  const target = r.rdata[0]
  let result: DnsQueryResult
  try {
    result = await ctx.query(target, family, ctx.resolver)
  } catch (err) {
    throw new ConvertError(ctx.file, r.line, r.column, `cannot flatten ${r.name}: the ${family} query for ${target} failed: ${(err as Error).message}`)
  }
  const rcode = result.header.rcode
  if (rcode !== 'NOERROR') throw new ConvertError(ctx.file, r.line, r.column, `cannot flatten ${r.name}: ${target} ${family} answered ${rcode}`)
  const chain = result.answer.filter((a) => a.type === 'CNAME')
  const addresses = result.answer.filter((a) => a.type === family)
  const ttls = [...chain, ...addresses].map((a) => a.ttl)
  if (addresses.length > 0) return { addresses, validFor: Math.min(...ttls) }
  // NODATA: the absence is cached for the SOA's negative TTL (RFC 2308 §5), so an address may appear after it
  const soa = result.authority.find((a) => a.type === 'SOA')
  const minimum = Number(soa?.data.trim().split(/\s+/)[6])
  const negative = soa ? Math.min(soa.ttl, Number.isFinite(minimum) ? minimum : soa.ttl) : 0
  return { addresses: [], validFor: Math.min(negative, ...ttls) }
}

/** Replaces each record in `aliases` by the addresses its target has now. */
export async function flattenAliases(zone: ConvZone, aliases: ConvRecord[], ctx: FlattenContext): Promise<{ zone: ConvZone; owners: FlattenedOwner[]; warnings: ConvertWarning[] }> {
  const warnings: ConvertWarning[] = []
  const owners: FlattenedOwner[] = []
  const replacements = new Map<ConvRecord, ConvRecord[]>()
  const staticDropped = new Set<ConvRecord>()
  for (const r of aliases) {
    const families = r.alias?.families ?? ['A', 'AAAA']
    // asked together, but a failure is reported in family order (A before AAAA), whichever answered first
    const settled = await Promise.allSettled(families.map((f) => resolveFamily(r, f, ctx)))
    const failed = settled.find((s) => s.status === 'rejected')
    if (failed) throw failed.reason
    const answers = settled.map((s) => (s as PromiseFulfilledResult<FamilyAnswer>).value)
    const records: ConvRecord[] = []
    answers.forEach((answer, i) => {
      for (const a of answer.addresses) {
        records.push({ name: r.name, type: families[i], ttl: Math.min(r.ttl, a.ttl), class: 'IN', rdata: [a.data], line: r.line, column: r.column })
      }
    })
    if (records.length === 0) throw new ConvertError(ctx.file, r.line, r.column, `cannot flatten ${r.name}: ${r.rdata[0]} has no ${families.join(' or ')} records now`)
    const validFor = Math.min(...answers.map((a) => a.validFor))
    for (const x of zone.records) {
      if (x.name === r.name && families.includes(x.type as AddressFamily)) {
        staticDropped.add(x)
        warnings.push(warningFor(x, `the static ${x.type} record at ${r.name} was a fallback for the alias; the flattened addresses replace it`))
      }
    }
    replacements.set(r, dedupe(records))
    owners.push({ name: r.name, target: r.rdata[0], refreshBy: ctx.now + validFor * 1000, addresses: records.map((x) => x.rdata[0]) })
  }
  const records = zone.records.flatMap((r) => (staticDropped.has(r) ? [] : (replacements.get(r) ?? [r])))
  return { zone: { origin: zone.origin, records }, owners, warnings }
}

function dedupe(records: ConvRecord[]): ConvRecord[] {
  const seen = new Map<string, ConvRecord>()
  for (const r of records) {
    const key = `${r.type} ${r.rdata[0]}`
    const prev = seen.get(key)
    if (!prev || r.ttl < prev.ttl) seen.set(key, r)
  }
  return [...seen.values()]
}

/** How often the flattened zone must be regenerated: the shortest time any copied answer stays fresh. */
export function regenerateEverySeconds(owners: FlattenedOwner[], now: number): number {
  return Math.max(0, Math.floor(Math.min(...owners.map((o) => (o.refreshBy - now) / 1000))))
}
