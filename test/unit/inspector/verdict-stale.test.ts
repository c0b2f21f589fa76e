import { describe, expect, it } from 'vitest'
import type { AliasRecord } from '@shared/inspector'
import { compareFamily, decideVerdict, type VerdictResolver } from '../../../electron/inspector'
import type { StaleContext } from '../../../electron/inspector/verdict-stale'

const APEX = 'example.test.'
const TARGET = 'cdn.example.test.'
const NOW = Date.UTC(2026, 0, 1, 12, 0, 30)
const OLD = ['192.0.2.10']
const NEW = ['192.0.2.20']

const resolver = (apexA: string[], targetA: string[]): VerdictResolver => ({
  label: 'lab',
  answered: true,
  a: compareFamily({ family: 'A', apex: apexA, target: targetA, apexTtl: 10, targetTtl: 15 }),
  aaaa: compareFamily({ family: 'AAAA', apex: [], target: [] })
})

const alias = (target = TARGET): AliasRecord => ({ owner: APEX, target, ttl: 60, server: '127.0.0.1:5300', seenAtWallMs: NOW })

/** The store saw OLD until 12:00:20 and NEW from 12:00:25 (target TTL 15 s). */
const history = (lastOldMs = NOW - 10_000): StaleContext => ({
  nowWallMs: NOW,
  policy: 'min',
  recentTargetSets: {
    A: [
      { values: NEW, firstSeenAtWallMs: NOW - 5_000, lastSeenAtWallMs: NOW, ttl: 15 },
      { values: OLD, firstSeenAtWallMs: NOW - 60_000, lastSeenAtWallMs: lastOldMs, ttl: 15, nextSeenAtWallMs: NOW - 5_000 }
    ]
  },
  targetTtl: { A: 15 },
  apexTtl: { A: 60 }
})

/** history() with these A sets seen at the target instead. */
const seenSets = (A: StaleContext['recentTargetSets']['A']): StaleContext => ({ ...history(), recentTargetSets: { A } })

describe('a verdict that knows about staleness', () => {
  it('is "stale" when the apex equals a target set seen within target TTL + apex TTL, and says since when and by when', () => {
    const v = decideVerdict({ apex: APEX, target: TARGET, providers: [], resolvers: [resolver(OLD, NEW)], aliasRecord: alias(), stale: history() })
    expect(v.verdict).toBe('stale')
    expect(v.stale).toEqual([
      {
        family: 'A',
        values: OLD,
        lastSeenAtWallMs: NOW - 10_000,
        sinceWallMs: NOW - 5_000,
        // since + target TTL 15 s + min(ALIAS TTL 60 s, 15 s)
        followByWallMs: NOW - 5_000 + 30_000,
        formula: 'target TTL 15 s + apex TTL min(ALIAS TTL 60 s, target TTL 15 s) = 30 s'
      }
    ])
    expect(v.summary).toBe('Stale: example.test is aliased to cdn.example.test but still serves an earlier set of its addresses; it must follow by 12:00:55 UTC at the latest.')
    const texts = v.evidence.map((e) => e.text)
    expect(texts[0]).toBe('ALIAS/ANAME record at example.test → cdn.example.test, TTL 60 s, served by 127.0.0.1:5300 (the apex zone\'s own server)')
    expect(texts).toContainEqual(expect.stringMatching(/^apex A set 192\.0\.2\.10 equals cdn\.example\.test's earlier set \(seen from 11:59:30 UTC to 12:00:20 UTC, TTL 15 s\): the apex still serves it/))
    expect(v.aliasRecord).toEqual(alias())
  })

  it('is "stale" from history alone, without an ALIAS record', () => {
    const v = decideVerdict({ apex: APEX, target: TARGET, providers: [], resolvers: [resolver(OLD, NEW)], stale: history() })
    expect(v.verdict).toBe('stale')
    expect(v.aliasRecord).toBeUndefined()
  })

  it('stays "not-aliased" when the earlier set is older than target TTL + apex TTL and no ALIAS record was seen', () => {
    const v = decideVerdict({ apex: APEX, target: TARGET, providers: [], resolvers: [resolver(OLD, NEW)], stale: history(NOW - 76_000) })
    expect(v.verdict).toBe('not-aliased')
  })

  it('is never "not-aliased" with an ALIAS record to the target: stale, dated from now when the earlier set was not seen', () => {
    const v = decideVerdict({ apex: APEX, target: TARGET, providers: [], resolvers: [resolver(OLD, NEW)], aliasRecord: alias() })
    expect(v.verdict).toBe('stale')
    expect(v.stale![0]!.lastSeenAtWallMs).toBeUndefined()
    expect(v.stale![0]!.followByWallMs - v.stale![0]!.sinceWallMs).toBe(30_000)
    expect(v.evidence.map((e) => e.text)).toContainEqual(expect.stringContaining('the earlier set was not seen by this app'))
  })

  it('is "other-target" when the ALIAS record points elsewhere and the apex does not match the given target', () => {
    const v = decideVerdict({ apex: APEX, target: TARGET, providers: [], resolvers: [resolver(OLD, NEW)], aliasRecord: alias('other.example.test.') })
    expect(v.verdict).toBe('other-target')
    expect(v.summary).toBe("Aliased to other.example.test, not to cdn.example.test: example.test's ALIAS record points there.")
  })

  it('is "stale" when the target rotates back and forth and the apex holds the set it left last', () => {
    const rotating = seenSets([
      { values: NEW, firstSeenAtWallMs: NOW - 60_000, lastSeenAtWallMs: NOW, ttl: 15 },
      { values: OLD, firstSeenAtWallMs: NOW - 55_000, lastSeenAtWallMs: NOW - 3_000, ttl: 15, nextSeenAtWallMs: NOW - 2_500 }
    ])
    const v = decideVerdict({ apex: APEX, target: TARGET, providers: [], resolvers: [resolver(OLD, NEW)], stale: rotating })
    expect(v.verdict).toBe('stale')
    expect(v.stale![0]).toMatchObject({ lastSeenAtWallMs: NOW - 3_000, sinceWallMs: NOW - 2_500, followByWallMs: NOW - 2_500 + 30_000 })
  })

  it('stays "likely" in sync, citing the ALIAS record', () => {
    const v = decideVerdict({ apex: APEX, target: TARGET, providers: [], resolvers: [resolver(NEW, NEW)], aliasRecord: alias(), stale: history() })
    expect(v.verdict).toBe('likely')
    expect(v.stale).toBeUndefined()
    expect(v.evidence[0]!.stance).toBe('for')
  })

  it('is "likely", never not-aliased, when the target still gives the apex set somewhere (a CDN answering per node)', () => {
    const interleaved = seenSets([
      { values: OLD, firstSeenAtWallMs: NOW - 60_000, lastSeenAtWallMs: NOW, ttl: 15 },
      { values: NEW, firstSeenAtWallMs: NOW - 50_000, lastSeenAtWallMs: NOW - 1_000, ttl: 15, nextSeenAtWallMs: NOW }
    ])
    const v = decideVerdict({ apex: APEX, target: TARGET, providers: [], resolvers: [resolver(OLD, NEW)], stale: interleaved })
    expect(v.verdict).toBe('likely')
    expect(v.stale).toBeUndefined()
    expect(v.evidence.map((e) => e.text)).toContainEqual(expect.stringContaining('a CDN answering per node, not staleness'))
  })

  it('is not "stale" when only some differing resolvers are explained by history and no ALIAS record was seen', () => {
    const v = decideVerdict({
      apex: APEX,
      target: TARGET,
      providers: [],
      resolvers: [resolver(OLD, NEW), resolver(['198.51.100.1'], NEW)],
      stale: history()
    })
    expect(v.verdict).toBe('not-aliased')
  })
})
