/** The profile and target-state channels through createServices(...).dispatch, with saved settings across a restart. */
import { describe, expect, it } from 'vitest'
import type { AliasSettings, SimulatedTargetState } from '@shared/alias-server'
import type { LabStatus } from '@shared/lab'
import type { Profile } from '@shared/providers'
import { probeUdp } from '../../../scripts/peers/probe'
import { servicesForSuite, value } from '../../support/services'

describe('lab profiles and target states', () => {
  const data = servicesForSuite('alias-inspector-lab-profiles-')

  it('lists the profiles, each rule with its source or marked an assumption', async () => {
    const services = data.open()
    const profiles = value<Profile[]>(await services.dispatch('lab:profiles', undefined))
    expect(profiles.map((p) => p.id)).toContain('dnsimple')
    expect(profiles.find((p) => p.id === 'dnsimple')!.targetFailure.source?.url).toBe('https://support.dnsimple.com/articles/alias-record/')
  })

  it('refuses a target state while stopped, and a malformed one at the boundary', async () => {
    const services = data.opened[0]!
    const stopped = await services.dispatch('lab:setTargetState', { state: 'silent' })
    expect(stopped.ok ? 'ok' : stopped.error.code).toBe('conflict')
    const bad = await services.dispatch('lab:setTargetState', { state: 'slow' } as never)
    expect(bad.ok ? 'ok' : bad.error.code).toBe('validation')
  })

  it('picks a profile, overrides one rule, breaks the target, and keeps profile and override across a restart', async () => {
    const services = data.opened[0]!
    const status = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'simulated' }))
    value<AliasSettings>(await services.dispatch('lab:updateSettings', { ttlPolicy: 'fixed' }))
    const picked = value<AliasSettings>(await services.dispatch('lab:updateSettings', { profile: 'powerdns' }))
    // picking a profile resets its rules: the earlier override is gone
    expect(picked).toMatchObject({ profile: 'powerdns', ttlPolicy: 'passthrough', onTargetNxdomain: 'servfail' })
    value<AliasSettings>(await services.dispatch('lab:updateSettings', { onTargetMissing: 'servfail' }))
    const broken = value<SimulatedTargetState>(await services.dispatch('lab:setTargetState', { state: 'nodata' }))
    expect(broken.failure).toEqual({ state: 'nodata' })
    const answer = await probeUdp(status.port!, 'example.test', 'A', 2000)
    expect(answer.rcodeCode).toBe(2) // NODATA → SERVFAIL: the override
    await services.dispose()

    const again = data.open()
    const restored = value<LabStatus>(await again.dispatch('lab:status', undefined))
    expect(restored.settings).toMatchObject({ profile: 'powerdns', ttlPolicy: 'passthrough', onTargetMissing: 'servfail', onTargetNxdomain: 'servfail' })
  })
})
