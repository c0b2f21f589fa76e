import { describe, expect, it } from 'vitest'
import type { AuditRow } from '@shared/audit'
import { boundHistogram, tableItems, type TableView } from '../../../../renderer/src/model/audit/audit-table-model'

const row = (index: number, name: string, verdict: string, extra: Partial<AuditRow> = {}): AuditRow => ({ index, name, verdict, providers: [], errors: [], durationMs: 1, ...extra })
const ROWS = [
  row(0, 'b.test.', 'likely', { providers: ['Cloudflare'], stalenessBound: 600 }),
  row(1, 'a.test.', 'not-aliased', { stalenessBound: 30 }),
  row(2, 'c.test.', 'likely', { providers: ['NS1'], errors: ['x: timeout'] }),
  row(3, 'd.test.', 'stale', { providers: ['Cloudflare'], stalenessBound: 90_000 })
]
const view = (v: Partial<TableView> = {}): TableView => ({ sort: 'index', descending: false, filter: '', verdict: '', groupBy: 'none', ...v })
const names = (v: TableView) => tableItems(ROWS, v).map((i) => (i.kind === 'row' ? i.row.name : `[${i.key} ${i.count}]`))

describe('the audit table model', () => {
  it('sorts either way, missing values last', () => {
    expect(names(view({ sort: 'name' }))).toEqual(['a.test.', 'b.test.', 'c.test.', 'd.test.'])
    expect(names(view({ sort: 'name', descending: true }))).toEqual(['d.test.', 'c.test.', 'b.test.', 'a.test.'])
    expect(names(view({ sort: 'stalenessBound', descending: true }))).toEqual(['d.test.', 'b.test.', 'a.test.', 'c.test.'])
    expect(names(view({ sort: 'errors', descending: true }))[0]).toBe('c.test.')
  })

  it('filters by text and by verdict, any verdict id included', () => {
    expect(names(view({ filter: 'timeout' }))).toEqual(['c.test.'])
    expect(names(view({ filter: 'cloudflare' }))).toEqual(['b.test.', 'd.test.'])
    expect(names(view({ verdict: 'stale' }))).toEqual(['d.test.'])
  })

  it('groups by verdict or provider, largest group first', () => {
    expect(names(view({ groupBy: 'verdict' }))).toEqual(['[likely 2]', 'b.test.', 'c.test.', '[not-aliased 1]', 'a.test.', '[stale 1]', 'd.test.'])
    expect(names(view({ groupBy: 'provider', sort: 'name' }))).toEqual(['[Cloudflare 2]', 'b.test.', 'd.test.', '[no known provider 1]', 'a.test.', '[NS1 1]', 'c.test.'])
  })

  it('buckets staleness bounds for the chart', () => {
    expect(boundHistogram(ROWS)).toEqual([
      { bucket: '≤ 1 min', names: 1 },
      { bucket: '≤ 5 min', names: 0 },
      { bucket: '≤ 1 h', names: 1 },
      { bucket: '≤ 1 day', names: 0 },
      { bucket: '> 1 day', names: 1 },
      { bucket: 'no bound', names: 1 }
    ])
  })
})
