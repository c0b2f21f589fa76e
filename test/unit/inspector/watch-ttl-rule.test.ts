import { describe, expect, it } from 'vitest'
import { WatchService, WatchStore } from '../../../electron/inspector'
import { sample } from '../../support/watch-sample'

/** A watch with no probes of its own: the samples are written into its store by hand. */
function watchWith(ttlRule?: 'record' | 'constant:300') {
  const store = new WatchStore(':memory:')
  const service = new WatchService({ store })
  const session = service.start({
    apex: 'example.test',
    target: 'cdn.example.test',
    resolvers: [],
    mode: 'interval',
    intervalSeconds: 1,
    authoritative: false,
    ...(ttlRule ? { ttlRule } : {})
  })
  const rows = [
    [0, 'target', 20],
    [0, 'apex', 60]
  ] as const
  rows.forEach(([ms, side, ttl], seq) => store.addSample(sample(seq, ms, side, ['192.0.2.1'], ttl, { sessionId: session.id })))
  return { service, session }
}

describe("a watch keeps the lab's TTL rule in force at its start", () => {
  it('records the rule in the session, and the bound uses it over the rule in force later', async () => {
    const { service, session } = watchWith('record')
    expect(session.ttlRule).toBe('record')
    // the lab now serves under 'min': the watch was taken under 'record', and says so
    const detail = service.get(session.id, () => 'min')
    expect(detail.session.ttlRule).toBe('record')
    expect(detail.analysis.bound).toMatchObject({ policy: 'record', targetTtl: 20, apexTtl: 60, servedApexTtl: 60, seconds: 80 })
    // a rule asked for explicitly still wins
    expect(service.get(session.id, 'min').analysis.bound).toMatchObject({ policy: 'min', seconds: 40 })
    await service.dispose()
  })

  it('without a recorded rule, the rule given for the apex applies', async () => {
    const { service, session } = watchWith()
    expect(session.ttlRule).toBeUndefined()
    expect(service.get(session.id, () => 'constant:300').analysis.bound).toMatchObject({ policy: 'constant:300', seconds: 320 })
    await service.dispose()
  })
})
