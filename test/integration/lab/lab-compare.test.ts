/** Compare providers side by side through the lab channels: one schedule, one server per profile. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LabCompareRun } from '@shared/lab'
import type { Result } from '@shared/result'
import { createServices, type Services } from '../../../electron/services'
import { tempDir, type TempDir } from '../../support/temp-dir'

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('compare providers side by side', () => {
  let dir: TempDir
  let services: Services

  beforeAll(async () => {
    dir = await tempDir('alias-inspector-compare-')
    services = createServices({ appName: 'ALIAS Inspector', appVersion: '0.0.0-test', host: 'browser', dataDir: dir.path })
  })
  afterAll(async () => {
    await services?.dispose()
    await dir?.cleanup()
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
        durationSeconds: 11
      })
    )
    let run: LabCompareRun | null = null
    for (let i = 0; i < 30; i++) {
      await sleep(500)
      run = value<LabCompareRun | null>(await services.dispatch('lab:compareGet', undefined))
      if (run && !run.running) break
    }
    expect(run?.running).toBe(false)
    expect(run!.steps.map((s) => s.text)).toEqual(['target now 192.0.2.20', 'target silent'])
    const lagOf = (profile: string) => run!.lags.find((l) => l.profile === profile)!.lags[0]
    for (const profile of ['draft', 'powerdns'] as const) {
      expect(lagOf(profile), profile).not.toBeNull()
      expect(lagOf(profile)!, profile).toBeLessThanOrEqual(4) // the target's 2 s TTL plus one sampling second, with slack
    }
    // DNSimple serves the ALIAS record's TTL (60 s in the demo zone): its clients keep the old address all run long
    expect(lagOf('dnsimple')).toBeNull()
    expect(run!.samples.filter((s) => s.profile === 'dnsimple' && s.t >= 3).every((s) => s.outcome === 'old' && s.fromCache)).toBe(true)
    const late = (profile: string) => run!.samples.filter((s) => s.profile === profile && s.t >= 9).map((s) => s.outcome)
    // while the target is silent: PowerDNS fails, the draft and DNSimple serve the last good answer stale
    expect(late('powerdns')).toContain('servfail')
    expect(late('draft')).not.toContain('servfail')
    expect(late('dnsimple')).not.toContain('servfail')
  })
})
