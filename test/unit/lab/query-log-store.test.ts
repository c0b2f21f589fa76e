import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { QueryLogEntry } from '@shared/alias-server'
import { QUERY_LOG_DB_FILE, QueryLogStore } from '../../../electron/lab/query-log-store'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'

const entry = (i: number, patch: Partial<QueryLogEntry> = {}): QueryLogEntry => ({
  time: 1_700_000_000_000 + i,
  client: `127.0.0.1:${40000 + (i % 3)}`,
  transport: 'udp',
  name: i % 2 === 0 ? 'example.test.' : `host${i}.other.test.`,
  type: i % 4 === 0 ? 'AAAA' : 'A',
  rcode: i % 5 === 0 ? 'NXDOMAIN' : 'NOERROR',
  answer: i % 2 === 0 ? `A 192.0.2.${i % 250}` : '',
  ttl: 60,
  cache: i % 2 === 0 ? 'hit' : 'none',
  upstreamRttMs: null,
  truncated: false,
  ...patch
})

describe('the stored query log', () => {
  let dir: TempDir
  let path: string
  const open: QueryLogStore[] = []
  const make = (cap?: number) => {
    const store = new QueryLogStore(path, { cap })
    open.push(store)
    return store
  }

  beforeEach(async () => {
    dir = await tempDir('alias-inspector-qlog-')
    path = join(dir.path, QUERY_LOG_DB_FILE)
  })
  afterEach(async () => {
    for (const s of open.splice(0)) s.close()
    await dir.cleanup()
  })

  it('keeps the newest entries up to its cap and counts what it dropped, across a reopen', () => {
    const store = make(1000)
    store.setRun(1)
    store.append(Array.from({ length: 2500 }, (_, i) => entry(i)))
    const page = store.page({}, 0, 3)
    expect(page.matched).toBe(1000)
    expect(page.rows.map((r) => r.time)).toEqual([2499, 2498, 2497].map((i) => entry(i).time))
    expect(store.stats()).toMatchObject({ kept: 1000, dropped: 1500, cap: 1000, runLogged: 2500, overflow: 0 })
    store.append([entry(2500)])
    store.close()

    const again = make(1000)
    expect(again.stats()).toMatchObject({ kept: 1000, dropped: 1501, run: null, runLogged: 0 })
    const newest = again.page({}, 0, 1).rows[0]!
    expect(newest.time).toBe(entry(2500).time)
    expect(newest.id).toBe(2501)
    // the oldest kept is the 1000th newest
    expect(again.page({}, 999, 5).rows.map((r) => r.time)).toEqual([entry(1501).time])
  })

  it('logs nothing while no server runs, and counts per run', () => {
    const store = make()
    store.append([entry(1)])
    expect(store.stats().kept).toBe(0)
    store.setRun(10)
    store.append([entry(1), entry(2)])
    store.setRun(20)
    store.append([entry(3)])
    expect(store.stats()).toMatchObject({ kept: 3, run: 20, runLogged: 1 })
    expect(store.page({}, 0, 10).rows.map((r) => r.run)).toEqual([20, 10, 10])
  })

  it('filters by name (and below), type, RCODE, cache state, client and free text', () => {
    const store = make()
    store.setRun(1)
    store.append(Array.from({ length: 40 }, (_, i) => entry(i)))
    store.append([entry(101, { name: 'a_b%.test.', client: '[::1]:5353', answer: 'CNAME x.test.' })])
    const count = (filter: Parameters<QueryLogStore['page']>[0]) => store.page(filter, 0, 500).matched
    expect(count({ name: 'example.test' })).toBe(20)
    expect(count({ name: 'other.test.' })).toBe(20)
    expect(count({ name: 'OTHER.test' })).toBe(20)
    expect(count({ name: 'her.test' })).toBe(0)
    expect(count({ name: 'a_b%.test' })).toBe(1)
    expect(count({ name: 'aXb%.test' })).toBe(0)
    expect(count({ type: 'aaaa' })).toBe(10)
    expect(count({ rcode: 'NXDOMAIN' })).toBe(8)
    expect(count({ cache: 'hit' })).toBe(20)
    expect(count({ client: '127.0.0.1' })).toBe(40)
    expect(count({ client: '127.0.0.1:40001' })).toBe(13)
    expect(count({ client: '::1' })).toBe(1)
    expect(count({ search: '192.0.2.3' })).toBe(5)
    expect(count({ search: 'cname' })).toBe(1)
    expect(count({ search: '%' })).toBe(1)
    store.append([entry(103, { rule: 'target NXDOMAIN → SERVFAIL, as PowerDNS does' })])
    expect(count({ search: 'as powerdns' })).toBe(1)
    expect(store.page({ search: 'as powerdns' }, 0, 1).rows[0]!.rule).toBe('target NXDOMAIN → SERVFAIL, as PowerDNS does')
    expect(count({ name: 'example.test', type: 'AAAA', cache: 'hit' })).toBe(10)
    expect(store.facets()).toEqual({ types: ['A', 'AAAA'], rcodes: ['NOERROR', 'NXDOMAIN'], clients: ['127.0.0.1', '::1'] })
    store.append([entry(7, { type: 'HTTPS', client: '192.0.2.9:53' })])
    expect(store.facets()).toMatchObject({ types: ['A', 'AAAA', 'HTTPS'], clients: ['127.0.0.1', '192.0.2.9', '::1'] })
  })

  it('holds a view still: entries newer than atOrBefore are left out while they arrive', () => {
    const store = make()
    store.setRun(1)
    store.append([entry(1), entry(2)])
    const anchor = store.page({}, 0, 1).rows[0]!.id
    store.append([entry(3), entry(4)])
    expect(store.page({}, 0, 10, anchor).rows.map((r) => r.id)).toEqual([anchor, anchor - 1])
    expect(store.page({}, 0, 10).matched).toBe(4)
  })

  it('clears on request; ids keep increasing so a held view never shows new rows as old', () => {
    const store = make()
    store.setRun(1)
    store.append([entry(1), entry(2)])
    const before = store.page({}, 0, 1).rows[0]!.id
    store.clear()
    expect(store.page({}, 0, 10).matched).toBe(0)
    store.append([entry(3)])
    expect(store.page({}, 0, 1).rows[0]!.id).toBeGreaterThan(before)
  })

  it('writes on its timer without being read, and reports each write', async () => {
    const written: number[] = []
    const store = new QueryLogStore(path, { onWritten: (s) => written.push(s.kept) })
    open.push(store)
    store.setRun(1)
    store.append([entry(1), entry(2), entry(3)])
    await expect.poll(() => written.at(-1), { timeout: 5000 }).toBe(3)
    const reader = make()
    expect(reader.page({}, 0, 10).matched).toBe(3)
  })
})
