import type { ResolverTarget } from '@shared/dns'
import type {
  CacheAge,
  Family,
  InspectResult,
  ObservedRecord,
  ResolverInspection,
  RrsetObservation,
  TargetSuggestion
} from '@shared/inspector'
import type { LabStatus } from '@shared/lab'
import { isAtOrBelow as atOrBelow, lowerAbsolute } from '@shared/names'
import type { ApiError } from '@shared/result'

/**
 * Pure derivations behind the Inspect view: which addresses line up, which resolver failed, when the
 * next TTL runs out. No React here, so every rule can be unit-tested.
 */

export type RowKind = 'match' | 'only-apex' | 'only-target'

export interface AlignedRow {
  key: string
  family: Family
  address: string
  kind: RowKind
  apex?: ObservedRecord
  target?: ObservedRecord
}

/** Names as people read them: no trailing dot (the root stays '.'). */
export const displayName = (name: string): string => (name === '.' ? '.' : name.replace(/\.$/, ''))

/** Sort key that puts 192.0.2.9 before 192.0.2.10 and groups IPv6 after IPv4. */
export function addressSortKey(address: string): string {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(address)) return `4:${address.split('.').map((o) => o.padStart(3, '0')).join('.')}`
  return `6:${address.toLowerCase()}`
}

const byAddress = (a: AlignedRow, b: AlignedRow): number => addressSortKey(a.address).localeCompare(addressSortKey(b.address))
const KIND_ORDER: Record<RowKind, number> = { match: 0, 'only-apex': 1, 'only-target': 2 }

/**
 * One row per address: matching addresses on the same row, then what only the apex has, then what
 * only the target has. Duplicate answers (rare, but servers send them) collapse into one row.
 */
export function alignFamily(family: Family, apex: RrsetObservation, target: RrsetObservation | undefined): AlignedRow[] {
  const rows = new Map<string, AlignedRow>()
  for (const record of apex.records) {
    const address = record.data.toLowerCase()
    if (!rows.has(address)) rows.set(address, { key: `${family}:${address}`, family, address: record.data, kind: 'only-apex', apex: record })
  }
  for (const record of target?.records ?? []) {
    const address = record.data.toLowerCase()
    const row = rows.get(address)
    if (row && row.apex) {
      row.kind = 'match'
      row.target ??= record
    } else if (!row) {
      rows.set(address, { key: `${family}:${address}`, family, address: record.data, kind: 'only-target', target: record })
    }
  }
  return [...rows.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byAddress(a, b))
}

export interface RowCounts {
  match: number
  onlyApex: number
  onlyTarget: number
}

export function countRows(rows: readonly AlignedRow[]): RowCounts {
  return {
    match: rows.filter((r) => r.kind === 'match').length,
    onlyApex: rows.filter((r) => r.kind === 'only-apex').length,
    onlyTarget: rows.filter((r) => r.kind === 'only-target').length
  }
}

/** The resolver's own failure when it answered nothing at all for the apex (then the group shows only this). */
export function resolverFailure(inspection: ResolverInspection): ApiError | undefined {
  const { a, aaaa, soa, ns } = inspection.apex
  const all = [a, aaaa, soa, ns]
  if (!all.every((o) => o.status === 'error')) return undefined
  return all.find((o) => o.error)?.error ?? { code: 'internal', message: 'the resolver gave no answer' }
}

/** Round-trip time per query of the apex A lookup (a CNAME chain asked hop by hop counts each query). */
export function rttMs(inspection: ResolverInspection): number | undefined {
  const o = inspection.apex.a.status === 'error' ? inspection.apex.soa : inspection.apex.a
  if (o.status === 'error' || o.queries === 0) return undefined
  return o.durationMs / o.queries
}


/** Plain words for an RRset that has no records to show. */
export function emptyText(o: RrsetObservation): string {
  switch (o.status) {
    case 'ok':
      return `no ${o.type} records`
    case 'nodata':
      return `no ${o.type} records (NODATA${o.rcode && o.rcode !== 'NOERROR' ? `, ${o.rcode}` : ''})`
    case 'nxdomain':
      return `${displayName(o.name)} does not exist (NXDOMAIN)`
    case 'error':
      return o.error ? `${o.error.code}: ${o.error.message}` : 'no answer'
  }
}

export function cacheFor(inspection: ResolverInspection, family: Family): CacheAge | undefined {
  return inspection.cache.find((c) => c.type === family)
}

/**
 * When the first record shown runs out (wall ms), or undefined. TTL 0 records are never "waiting" to
 * expire and are left out, or a TTL-0 answer would refresh forever.
 */
export function nextExpiryAt(result: InspectResult): number | undefined {
  let first: number | undefined
  const consider = (at: number, ttl: number) => {
    if (ttl <= 0) return
    const expires = at + ttl * 1000
    if (first === undefined || expires < first) first = expires
  }
  const observe = (o: RrsetObservation | undefined) => {
    if (!o) return
    for (const record of o.records) consider(record.receivedAtWallMs, record.ttl)
    for (const link of o.chain) consider(o.receivedAtWallMs, link.ttl)
  }
  for (const r of result.resolvers) {
    observe(r.apex.a)
    observe(r.apex.aaaa)
    observe(r.target?.a)
    observe(r.target?.aaaa)
  }
  return first
}

/** Auto-refresh waits at least this long after an inspection finished, whatever the TTLs say. */
export const MIN_REFRESH_GAP_MS = 5000
/** Rows that expire within this window of the first one belong to the same wave: one refresh for all. */
export const EXPIRY_WAVE_MS = 1000

/** When auto-refresh should re-run the inspection: once per expiry wave, never sooner than the gap. */
export function refreshDueAt(result: InspectResult, finishedAtMs: number): number | undefined {
  const expiry = nextExpiryAt(result)
  if (expiry === undefined) return undefined
  return Math.max(expiry + EXPIRY_WAVE_MS, finishedAtMs + MIN_REFRESH_GAP_MS)
}

/** Stable identity of a resolver target, for selection and React keys. */
export function targetKey(target: ResolverTarget): string {
  return [target.transport, target.host, target.port, target.url ?? '', target.tlsServerName ?? ''].join('|')
}

/** The target's path as drawn: apex ⇢ target → each CNAME hop → the name the addresses belong to. */
export function chainPath(result: Pick<InspectResult, 'apex' | 'target'>, target: RrsetObservation | undefined): { name: string; ttl?: number }[] {
  if (!result.target) return []
  const hops: { name: string; ttl?: number }[] = [{ name: result.apex }, { name: result.target }]
  for (const link of target?.chain ?? []) hops.push({ name: link.target, ttl: link.ttl })
  return hops
}

// ---- target suggestions and the lab's zone ----

/** Where a suggestion comes from, in a few words. */
export const SUGGESTION_SOURCES: Record<TargetSuggestion['source'], string> = {
  'alias-record': 'ALIAS record',
  'apex-cname': 'apex CNAME',
  'https-alias': 'HTTPS AliasMode',
  'www-cname': 'www CNAME'
}

/** The port asked when the "zone's servers port" option is left empty. */
export const DEFAULT_AUTHORITATIVE_PORT = 53

/** Whether `name` is `origin` or a name below it (case-insensitive, trailing dot optional; no name is below the root here). Pure. */
export function isAtOrBelow(name: string, origin: string): boolean {
  const n = lowerAbsolute(name.trim())
  const o = lowerAbsolute(origin.trim())
  return n === o || (o !== '.' && atOrBelow(n, o))
}

/**
 * The port of the apex zone's own servers when none is typed: 53, except for the lab's own zone while
 * the lab runs. Its NS (ns1.example.test in the demo) is 127.0.0.1, and the server answering for it there
 * is the lab itself, on its own port, not 53. Pure.
 */
export function defaultAuthoritativePort(apex: string, lab: Pick<LabStatus, 'running' | 'port' | 'zone'> | null): number {
  if (lab?.running && lab.port && isAtOrBelow(apex, lab.zone.origin)) return lab.port
  return DEFAULT_AUTHORITATIVE_PORT
}
