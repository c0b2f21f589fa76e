import type { AuditRow } from '@shared/audit'

export type SortKey = 'index' | 'name' | 'verdict' | 'target' | 'providers' | 'profiles' | 'apexTtl' | 'targetTtl' | 'stalenessBound' | 'errors'
export type GroupBy = 'none' | 'verdict' | 'provider'

export interface TableView {
  sort: SortKey
  descending: boolean
  filter: string
  verdict: string
  groupBy: GroupBy
}

/** What the virtualised table shows: group headings and rows in one flat list. */
export type TableItem = { kind: 'group'; key: string; count: number } | { kind: 'row'; row: AuditRow }

const NO_PROVIDER = 'no known provider'

const sortValue = (row: AuditRow, key: SortKey): string | number | undefined => {
  if (key === 'providers') return row.providers.join(', ') || undefined
  if (key === 'profiles') return row.profiles?.join(', ') || undefined
  if (key === 'errors') return row.errors.length
  return row[key]
}

function compare(a: AuditRow, b: AuditRow, key: SortKey): number {
  const x = sortValue(a, key)
  const y = sortValue(b, key)
  // missing values last, whatever the direction
  if (x === undefined || y === undefined) return x === y ? a.index - b.index : x === undefined ? 1 : -1
  if (typeof x === 'number' && typeof y === 'number') return x - y || a.index - b.index
  return String(x).localeCompare(String(y)) || a.index - b.index
}

function matches(row: AuditRow, view: TableView): boolean {
  if (view.verdict && row.verdict !== view.verdict) return false
  const text = view.filter.trim().toLowerCase()
  if (!text) return true
  return [row.name, row.target ?? '', row.verdict, ...row.providers, ...(row.profiles ?? []), ...row.errors].some((field) => field.toLowerCase().includes(text))
}

const groupOf = (row: AuditRow, by: GroupBy): string => (by === 'verdict' ? row.verdict : row.providers[0] ?? NO_PROVIDER)

/** Filters, sorts and groups the rows (groups by size, largest first; rows sorted inside each). */
export function tableItems(rows: readonly AuditRow[], view: TableView): TableItem[] {
  const kept = rows.filter((row) => matches(row, view))
  const direction = view.descending ? -1 : 1
  kept.sort((a, b) => {
    const c = compare(a, b, view.sort)
    const missing = sortValue(a, view.sort) === undefined || sortValue(b, view.sort) === undefined
    return missing ? c : c * direction
  })
  if (view.groupBy === 'none') return kept.map((row) => ({ kind: 'row', row }))
  const groups = new Map<string, AuditRow[]>()
  for (const row of kept) {
    const key = groupOf(row, view.groupBy)
    const list = groups.get(key)
    if (list) list.push(row)
    else groups.set(key, [row])
  }
  const ordered = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
  return ordered.flatMap(([key, list]) => [{ kind: 'group' as const, key, count: list.length }, ...list.map((row) => ({ kind: 'row' as const, row }))])
}

/** Staleness bounds in buckets for the summary chart. */
const BOUND_BUCKETS = [
  { label: '≤ 1 min', max: 60 },
  { label: '≤ 5 min', max: 300 },
  { label: '≤ 1 h', max: 3600 },
  { label: '≤ 1 day', max: 86_400 },
  { label: '> 1 day', max: Infinity }
] as const

export function boundHistogram(rows: readonly AuditRow[]): Array<{ bucket: string; names: number }> {
  const counts: number[] = BOUND_BUCKETS.map(() => 0)
  let unknown = 0
  for (const row of rows) {
    if (row.stalenessBound === undefined) {
      unknown++
      continue
    }
    const i = BOUND_BUCKETS.findIndex((b) => row.stalenessBound! <= b.max)
    counts[i] = (counts[i] ?? 0) + 1
  }
  return [...BOUND_BUCKETS.map((b, i) => ({ bucket: b.label, names: counts[i] ?? 0 })), { bucket: 'no bound', names: unknown }]
}
