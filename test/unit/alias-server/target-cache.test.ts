import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultAliasSettings, type AliasSettings } from '@shared/alias-server'
import { Counters } from '../../../electron/alias-server/counters'
import { TargetCache } from '../../../electron/alias-server/target-cache'
import { UpstreamError, type Upstream, type UpstreamAnswer } from '../../../electron/alias-server/upstream/types'

/** An upstream whose answers the test releases by hand. */
function manualUpstream() {
  const calls: Array<{ name: string; resolve: (a: Partial<UpstreamAnswer>) => void; reject: (e: Error) => void }> = []
  const upstream: Upstream = {
    mode: 'recursive',
    label: 'test upstream',
    resolve: (name) =>
      new Promise<UpstreamAnswer>((resolve, reject) => {
        calls.push({
          name,
          resolve: (a) => resolve({ status: 'addresses', addresses: ['192.0.2.1'], ttl: 100, chain: [], server: 'test', ...a }),
          reject
        })
      }),
    close() {}
  }
  return { upstream, calls }
}

describe('TargetCache', () => {
  let settings: AliasSettings
  let counters: Counters
  let up: ReturnType<typeof manualUpstream>
  let cache: TargetCache

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 })
    settings = { ...defaultAliasSettings }
    counters = new Counters()
    up = manualUpstream()
    cache = new TargetCache({ settings: () => settings, route: () => up.upstream, counters })
  })
  afterEach(() => {
    cache.close()
    vi.useRealTimers()
  })

  /** Caches a first answer for cdn.test. A (TTL 10 s), then moves 20 s on, past its expiry. */
  async function cacheThenExpire() {
    const first = cache.lookup('cdn.test.', 'A')
    up.calls[0]!.resolve({ ttl: 10 })
    await first
    vi.setSystemTime(1_000_000 + 20_000)
  }

  it('coalesces concurrent lookups of a cold entry into one upstream query', async () => {
    const lookups = Array.from({ length: 20 }, () => cache.lookup('cdn.test.', 'A'))
    expect(up.calls).toHaveLength(1)
    up.calls[0]!.resolve({ addresses: ['192.0.2.7'] })
    const results = await Promise.all(lookups)
    expect(results.every((r) => r.kind === 'data' && r.status === 'miss' && r.data.addresses[0] === '192.0.2.7')).toBe(true)
    expect(counters.coalesced).toBe(19)
    expect(counters.upstreamQueries).toBe(1)
    expect(cache.perTarget()).toEqual([{ target: 'cdn.test.', type: 'A', upstreamQueries: 1 }])
  })

  it('serves hits within the TTL, refreshes ahead at 90 % without waiting, then serves the new data', async () => {
    const first = cache.lookup('cdn.test.', 'A')
    up.calls[0]!.resolve({ ttl: 100 })
    await first
    vi.setSystemTime(1_000_000 + 50_000)
    expect(await cache.lookup('cdn.test.', 'A')).toMatchObject({ kind: 'data', status: 'hit' })
    expect(up.calls).toHaveLength(1)
    vi.setSystemTime(1_000_000 + 91_000)
    const refresh = await cache.lookup('cdn.test.', 'A')
    expect(refresh).toMatchObject({ kind: 'data', status: 'refresh', data: { addresses: ['192.0.2.1'] } })
    expect(up.calls).toHaveLength(2)
    expect(counters.refreshes).toBe(1)
    // a second lookup meanwhile does not start another refresh
    await cache.lookup('cdn.test.', 'A')
    expect(up.calls).toHaveLength(2)
    up.calls[1]!.resolve({ addresses: ['192.0.2.2'] })
    await vi.advanceTimersByTimeAsync(0)
    expect(await cache.lookup('cdn.test.', 'A')).toMatchObject({ status: 'hit', data: { addresses: ['192.0.2.2'], fetchedAt: 1_091_000 } })
  })

  it("snapshots the data with the version it had, so an answer built from it goes stale when the refresh lands", async () => {
    const first = cache.lookup('cdn.test.', 'A')
    up.calls[0]!.resolve({ ttl: 100 })
    await first
    vi.setSystemTime(1_000_000 + 91_000)
    const refresh = await cache.lookup('cdn.test.', 'A')
    // the refresh answers at once, before the answer built from the lookup is encoded
    up.calls[1]!.resolve({ addresses: ['192.0.2.2'] })
    await vi.advanceTimersByTimeAsync(0)
    expect(refresh.snapshot).toMatchObject({ version: 1, data: { addresses: ['192.0.2.1'] } })
    expect(refresh.snapshot.entry.version).toBe(2)
    expect(refresh.snapshot.entry.data?.addresses).toEqual(['192.0.2.2'])
  })

  it('serves the last good answer as stale when the upstream fails, and does not ask again until the recheck time', async () => {
    settings = { ...settings, failureRecheckSeconds: 5, staleClientTimeoutMs: 0 }
    await cacheThenExpire()
    const failing = cache.lookup('cdn.test.', 'A')
    up.calls[1]!.reject(new UpstreamError(22, 'timed out'))
    const stale = await failing
    expect(stale).toMatchObject({ kind: 'data', status: 'stale', data: { addresses: ['192.0.2.1'] } })
    expect(stale.kind === 'data' && stale.staleReason?.message).toBe('timed out')
    expect(await cache.lookup('cdn.test.', 'A')).toMatchObject({ status: 'stale' })
    expect(up.calls).toHaveLength(2)
    vi.setSystemTime(1_000_000 + 26_000)
    void cache.lookup('cdn.test.', 'A')
    expect(up.calls).toHaveLength(3)
    expect(counters.staleAnswers).toBe(2)
  })

  it('fails instead when stale answers are off or too old', async () => {
    settings = { ...settings, onUpstreamFailure: 'servfail' }
    await cacheThenExpire()
    const failing = cache.lookup('cdn.test.', 'A')
    up.calls[1]!.reject(new UpstreamError(23, 'refused'))
    expect(await failing).toMatchObject({ kind: 'failure', error: { ede: 23 } })
    settings = { ...settings, onUpstreamFailure: 'stale', maxStaleSeconds: 5 }
    expect(await cache.lookup('cdn.test.', 'A')).toMatchObject({ kind: 'failure' })
  })

  it('answers stale after the client timeout while the upstream is slow (RFC 8767 §5)', async () => {
    settings = { ...settings, staleClientTimeoutMs: 1800 }
    await cacheThenExpire()
    const slow = cache.lookup('cdn.test.', 'A')
    await vi.advanceTimersByTimeAsync(1800)
    expect(await slow).toMatchObject({ status: 'stale', validUntil: 0 })
    up.calls[1]!.resolve({ addresses: ['192.0.2.9'] })
    await vi.advanceTimersByTimeAsync(0)
    expect(await cache.lookup('cdn.test.', 'A')).toMatchObject({ status: 'hit', data: { addresses: ['192.0.2.9'] } })
  })

  it('caches NXDOMAIN for its negative TTL and caps long TTLs at maxCacheTtl', async () => {
    settings = { ...settings, maxCacheTtl: 50 }
    const nx = cache.lookup('gone.test.', 'AAAA')
    up.calls[0]!.resolve({ status: 'nxdomain', addresses: [], ttl: 30 })
    expect(await nx).toMatchObject({ data: { status: 'nxdomain', ttl: 30 } })
    const big = cache.lookup('cdn.test.', 'A')
    up.calls[1]!.resolve({ ttl: 86_400 })
    expect(await big).toMatchObject({ data: { ttl: 50 } })
    vi.setSystemTime(1_000_000 + 20_000)
    expect(await cache.lookup('gone.test.', 'AAAA')).toMatchObject({ status: 'hit' })
    expect(up.calls).toHaveLength(2)
  })

  it('polls cached targets every pollIntervalSeconds when asked to', async () => {
    settings = { ...settings, pollIntervalSeconds: 2 }
    const first = cache.lookup('cdn.test.', 'A')
    up.calls[0]!.resolve({ ttl: 300 })
    await first
    await vi.advanceTimersByTimeAsync(2000)
    expect(up.calls).toHaveLength(2)
    up.calls[1]!.resolve({ addresses: ['192.0.2.3'] })
    await vi.advanceTimersByTimeAsync(2000)
    expect(up.calls).toHaveLength(3)
    expect(cache.peek('cdn.test.', 'A')?.data?.addresses).toEqual(['192.0.2.3'])
    settings = { ...settings, pollIntervalSeconds: null }
    cache.settingsChanged()
    up.calls[2]!.resolve({})
    await vi.advanceTimersByTimeAsync(10_000)
    expect(up.calls).toHaveLength(3)
  })
})
