import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OBSERVATIONS_DB_FILE, ObservationStore, openObservationStore } from '../../../electron/inspector'
import { sightingsOf } from '../../../electron/inspector/observation-store'

const row = (vals: string[], ms: number, ttl: number | null = 15) => ({ vals: JSON.stringify(vals), seen_wall_ms: ms, ttl })

describe('sightingsOf', () => {
  it('groups by set, keeps first and last sight, and when another set replaced it (rotation back and forth)', () => {
    const s = sightingsOf([row(['a'], 1), row(['a'], 2), row(['b'], 3), row(['a'], 4), row(['b'], 5), row(['b'], 6, 30)])
    expect(s).toEqual([
      { values: ['b'], firstSeenAtWallMs: 3, lastSeenAtWallMs: 6, ttl: 30 },
      { values: ['a'], firstSeenAtWallMs: 1, lastSeenAtWallMs: 4, ttl: 15, nextSeenAtWallMs: 5 }
    ])
  })

  it('skips a row whose values do not parse', () => {
    expect(sightingsOf([{ vals: '{oops', seen_wall_ms: 1, ttl: null }, row(['a'], 2)])).toEqual([{ values: ['a'], firstSeenAtWallMs: 2, lastSeenAtWallMs: 2, ttl: 15 }])
  })
})

describe('ObservationStore', () => {
  it('records in one transaction and reads back the sets of one name, side and family since a time', () => {
    const store = new ObservationStore(':memory:')
    // observations older than two days are pruned on write: these are recent
    const T = Date.now() - 10_000
    const base = { name: 'cdn.example.test.', side: 'target' as const, family: 'A' as const, source: 'lab' }
    store.record([
      { ...base, values: ['192.0.2.1'], ttl: 20, seenAtWallMs: T + 1000 },
      { ...base, values: ['192.0.2.2'], ttl: 20, seenAtWallMs: T + 2000 },
      { ...base, family: 'AAAA', values: ['2001:db8::1'], seenAtWallMs: T + 2000 },
      { ...base, side: 'apex', values: ['192.0.2.1'], seenAtWallMs: T + 2000 }
    ])
    expect(store.sets('cdn.example.test.', 'target', 'A', 0)).toEqual([
      { values: ['192.0.2.2'], firstSeenAtWallMs: T + 2000, lastSeenAtWallMs: T + 2000, ttl: 20 },
      { values: ['192.0.2.1'], firstSeenAtWallMs: T + 1000, lastSeenAtWallMs: T + 1000, ttl: 20, nextSeenAtWallMs: T + 2000 }
    ])
    expect(store.sets('cdn.example.test.', 'target', 'A', T + 1500).map((s) => s.values)).toEqual([['192.0.2.2']])
    store.close()
    // a store prunes what is older than two days on its first write (and every 50th)
    const fresh = new ObservationStore(':memory:')
    fresh.record([
      { ...base, values: ['192.0.2.9'], seenAtWallMs: Date.now() - 3 * 86_400_000 },
      { ...base, values: ['192.0.2.2'], seenAtWallMs: T }
    ])
    expect(fresh.sets('cdn.example.test.', 'target', 'A', 0).map((s) => s.values)).toEqual([['192.0.2.2']])
    fresh.close()
    expect(store.sets('cdn.example.test.', 'target', 'A', 0)).toEqual([])
  })
})

describe('openObservationStore', () => {
  it('keeps the verdict working, in memory and with a warning, when the file is damaged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alias-inspector-obs-'))
    try {
      await writeFile(join(dir, OBSERVATIONS_DB_FILE), 'this is not a database, just text that is long enough to be read as a header\n'.repeat(20))
      const opened = openObservationStore(dir)
      expect(opened.problem).toMatch(/observations\.sqlite could not be opened \(.+\); recent observations are kept in memory only/)
      opened.store.record([{ name: 'a.test.', side: 'target', family: 'A', values: ['192.0.2.1'], seenAtWallMs: Date.now(), source: 'x' }])
      expect(opened.store.sets('a.test.', 'target', 'A', 0)).toHaveLength(1)
      opened.store.close()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
