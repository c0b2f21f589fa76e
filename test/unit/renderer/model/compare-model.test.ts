import { describe, expect, it } from 'vitest'
import type { LabCompareRun } from '@shared/lab'
import { compareLanes } from '../../../../renderer/src/model/lab/compare-model'

describe('compare lanes', () => {
  it('splits samples per profile and counts what clients got while the target was failing', () => {
    const run: LabCompareRun = {
      running: false,
      startedAt: 0,
      input: { profiles: ['draft', 'powerdns'], durationSeconds: 10, targetTtl: 2 },
      steps: [
        { t: 2, text: 'target silent' },
        { t: 6, text: 'target ok' }
      ],
      samples: [
        { t: 1, profile: 'draft', outcome: 'ok', addresses: ['192.0.2.1'], ttl: 2, fromCache: false },
        { t: 3, profile: 'draft', outcome: 'ok', addresses: ['192.0.2.1'], ttl: 30, fromCache: false },
        { t: 3, profile: 'powerdns', outcome: 'servfail', addresses: [], ttl: null, fromCache: false },
        { t: 4, profile: 'powerdns', outcome: 'servfail', addresses: [], ttl: null, fromCache: false },
        { t: 7, profile: 'powerdns', outcome: 'ok', addresses: ['192.0.2.1'], ttl: 2, fromCache: false }
      ],
      lags: [{ profile: 'draft', lags: [1] }, { profile: 'powerdns', lags: [null] }]
    }
    const [draft, powerdns] = compareLanes(run)
    expect(draft!.duringFailure).toEqual({ ok: 1 })
    expect(powerdns!.duringFailure).toEqual({ servfail: 2 })
    expect(powerdns!.points.map((p) => p.ttl)).toEqual([null, null, 2])
    expect(draft!.lags).toEqual([1])
  })
})
