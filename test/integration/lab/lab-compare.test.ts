/** Compare providers side by side through the lab channels: one schedule, one server per profile. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { LabCompareRun } from '@shared/lab'
import type { Services } from '../../../electron/services'
import { servicesForSuite, value } from '../../support/services'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('compare providers side by side', () => {
  const data = servicesForSuite('alias-inspector-compare-')
  let services: Services
  beforeAll(() => {
    services = data.open()
  })

  it('runs one target schedule through several profiles: each follows the change, and a silent target shows each rule', async () => {
    value<LabCompareRun>(
      await services.dispatch('lab:compareStart', {
        profiles: ['draft', 'powerdns', 'dnsimple'],
        targetTtl: 2,
        schedule: [
          { atSeconds: 1, set: { a: ['192.0.2.20'], aaaa: [] } },
          { atSeconds: 5, failure: { state: 'silent' } }
        ],
        // an upper bound: the run is stopped as soon as it has shown what is asserted below
        durationSeconds: 40
      })
    )
    const silentAt = (r: LabCompareRun): number | undefined => r.steps.find((s) => s.text === 'target silent')?.t
    const after = (r: LabCompareRun, profile: string, t: number) => r.samples.filter((s) => s.profile === profile && s.t >= t)
    /**
     * Done when PowerDNS's clients got a SERVFAIL after the target fell silent (5 s of the server's
     * 1.5 s × 2 attempts plus the 2 s TTL nominally, later on a busy machine), and the other lanes
     * were sampled twice since.
     */
    const shown = (r: LabCompareRun): boolean => {
      const silent = silentAt(r)
      const failed = silent === undefined ? undefined : after(r, 'powerdns', silent).find((s) => s.outcome === 'servfail')
      return failed !== undefined && after(r, 'draft', failed.t + 0.1).length >= 2 && after(r, 'dnsimple', failed.t + 0.1).length >= 2
    }
    let run: LabCompareRun | null = null
    for (let i = 0; i < 150; i++) {
      await sleep(250)
      run = value<LabCompareRun | null>(await services.dispatch('lab:compareGet', undefined))
      if (!run || !run.running || shown(run)) break
    }
    run = value<LabCompareRun | null>(await services.dispatch('lab:compareStop', undefined))
    expect(run?.running).toBe(false)
    expect(run!.steps.map((s) => s.text)).toEqual(['target now 192.0.2.20', 'target silent'])
    const lagOf = (profile: string) => run!.lags.find((l) => l.profile === profile)!.lags[0]
    for (const profile of ['draft', 'powerdns'] as const) {
      // the target's 2 s TTL, one second of TTL rounding, and the lane's sampling gap (1 s, more when the machine is busy)
      const times = run!.samples.filter((s) => s.profile === profile).map((s) => s.t)
      const gap = Math.max(1, ...times.slice(1).map((t, i) => t - times[i]!))
      expect(lagOf(profile), profile).not.toBeNull()
      expect(lagOf(profile)!, profile).toBeLessThanOrEqual(2 + 1 + gap)
    }
    // DNSimple serves the ALIAS record's TTL (60 s in the demo zone): its clients keep the old address all run long
    expect(lagOf('dnsimple')).toBeNull()
    expect(run!.samples.filter((s) => s.profile === 'dnsimple' && s.t >= 3).every((s) => s.outcome === 'old' && s.fromCache)).toBe(true)
    // while the target is silent: PowerDNS fails, the draft and DNSimple serve the last good answer stale
    expect(shown(run!), 'a SERVFAIL from the powerdns lane after the target fell silent, and two samples of the others since').toBe(true)
    const silent = silentAt(run!)!
    const outcomes = (profile: string) => after(run!, profile, silent).map((s) => s.outcome)
    expect(outcomes('powerdns')).toContain('servfail')
    expect(outcomes('draft')).not.toContain('servfail')
    expect(outcomes('dnsimple')).not.toContain('servfail')
  }, 60_000)
})
