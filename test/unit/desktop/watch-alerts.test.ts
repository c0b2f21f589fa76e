import { describe, expect, it } from 'vitest'
import type { WatchSession } from '@shared/inspector'
import { WatchAlerts, type WatchAlert } from '../../../electron/inspector/watch-alerts'
import { sample } from '../../support/watch-sample'

const session: WatchSession = {
  id: 's', apex: 'example.com', target: 'cdn.example.net', resolvers: [{ transport: 'udp', host: '127.0.0.1', port: 53 }],
  labels: ['Local resolver'], mode: 'interval', intervalSeconds: 1, state: 'running', startedAtWallMs: 0, sampleCount: 0
}

function monitor() {
  const alerts: WatchAlert[] = []
  const watch = new WatchAlerts((a) => alerts.push(a))
  watch.onState(session)
  return { watch, alerts }
}

describe('watch alerts', () => {
  it('says once when the apex serves an address its target dropped for longer than the TTLs allow', () => {
    const { watch, alerts } = monitor()
    // target TTL 10 s, apex TTL 10 s: bound 20 s
    watch.onSample(sample(0, 0, 'target', ['192.0.2.1'], 10))
    watch.onSample(sample(1, 0, 'apex', ['192.0.2.1'], 10))
    watch.onSample(sample(2, 1_000, 'target', ['192.0.2.2'], 10))
    watch.onSample(sample(3, 15_000, 'apex', ['192.0.2.1'], 5))
    expect(alerts).toEqual([])
    watch.onSample(sample(4, 21_500, 'apex', ['192.0.2.1'], 2))
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ kind: 'stale', title: 'example.com is stale' })
    expect(alerts[0]!.body).toContain('beyond the 20 s its TTLs allow')
    watch.onSample(sample(5, 25_000, 'apex', ['192.0.2.1'], 1))
    expect(alerts).toHaveLength(1)
    // caught up, then stale again: a new episode
    watch.onSample(sample(6, 26_000, 'apex', ['192.0.2.2'], 10))
    watch.onSample(sample(7, 27_000, 'target', ['192.0.2.3'], 10))
    watch.onSample(sample(8, 60_000, 'apex', ['192.0.2.2'], 10))
    expect(alerts).toHaveLength(2)
  })

  it('does not call an apex stale that serves part of the target\'s set (a CDN handing out subsets)', () => {
    const { watch, alerts } = monitor()
    watch.onSample(sample(0, 0, 'target', ['192.0.2.1', '192.0.2.2'], 5))
    for (let i = 1; i < 20; i++) watch.onSample(sample(i, i * 10_000, 'apex', ['192.0.2.2'], 5))
    expect(alerts).toEqual([])
  })

  it('says once when a resolver starts failing, not for one lost answer, and again after it recovered', () => {
    const { watch, alerts } = monitor()
    const error = { status: 'error' as const, error: { code: 'timeout' as const, message: 'no answer within 3000 ms' } }
    watch.onSample(sample(0, 0, 'apex', ['192.0.2.1'], 60))
    watch.onSample(sample(1, 1_000, 'apex', [], undefined, error))
    expect(alerts).toEqual([])
    watch.onSample(sample(2, 2_000, 'target', [], undefined, error))
    watch.onSample(sample(3, 3_000, 'apex', [], undefined, error))
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ kind: 'resolver-failing', title: 'Local resolver is failing' })
    expect(alerts[0]!.body).toContain('timeout: no answer within 3000 ms')
    watch.onSample(sample(4, 4_000, 'apex', ['192.0.2.1'], 60))
    watch.onSample(sample(5, 5_000, 'apex', [], undefined, error))
    watch.onSample(sample(6, 6_000, 'apex', [], undefined, error))
    expect(alerts).toHaveLength(2)
  })

  it('stays quiet about sessions that are not running', () => {
    const { watch, alerts } = monitor()
    watch.onState({ ...session, state: 'stopped' })
    const error = { status: 'error' as const }
    for (let i = 0; i < 5; i++) watch.onSample(sample(i, i, 'apex', [], undefined, error))
    expect(alerts).toEqual([])
  })
})
