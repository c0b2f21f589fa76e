import { describe, expect, it } from 'vitest'
import { experiments, type Observation, type QueryRecord, type ReadyExperiment, type StepRecord } from '@shared/experiments'
import { labStatus } from '../../support/lab-status'
import type { LabStatus } from '@shared/lab'

const byId = (id: string) => experiments.find((e): e is ReadyExperiment => e.id === id && e.status === 'ready')!
const status = labStatus
const q = (answer: string[], scope?: number): QueryRecord => ({ rcode: 'NOERROR', answer, ttl: 30, ...(scope !== undefined ? { scope } : {}) })
const step = (patch: Partial<StepRecord>): StepRecord => ({ at: 0, ok: true, error: null, query: null, upstreamQueries: 1, ...patch })
const observe = (steps: Observation['steps'], patch: Partial<LabStatus> = {}): Observation => ({ status: status(patch), log: [], steps, compare: null })

describe('8. CDN locality: the check needs every question asked', () => {
  const check = byId('cdn-locality').check
  const target = step({ bySubnet: { '203.0.113.0/24': q(['A 198.51.100.77'], 24), '198.51.100.0/24': q(['A 198.51.100.10'], 24) } })
  const apex = step({ bySubnet: { '203.0.113.0/24': q(['A 192.0.2.1']), '198.51.100.0/24': q(['A 192.0.2.1']) } })
  const forwarded = step({ bySubnet: { '203.0.113.0/24': q(['A 198.51.100.77'], 24) } })

  it('is not done when a step was skipped', () => {
    expect(check(observe({ apex, forwarding: forwarded })).done).toBe(false)
    expect(check(observe({ target, forwarding: forwarded })).done).toBe(false)
    expect(check(observe({ target, apex })).done).toBe(false)
  })

  it('done: the draft apex gave the default node, powerdns the regional one with its scope', () => {
    const result = check(observe({ target, apex, forwarding: forwarded }))
    expect(result).toMatchObject({ done: true, outcome: 'default' })
    expect(result.observed).toBe(
      'The CDN gave 203.0.113.0/24 198.51.100.77. Through the draft profile the apex gave 192.0.2.1 (the default node); through powerdns 198.51.100.77 with ECS scope /24.'
    )
  })

  it('an apex that followed the region reads as "region"', () => {
    expect(check(observe({ target, apex: forwarded, forwarding: forwarded })).outcome).toBe('region')
  })
})

describe('9. HTTPS AliasMode: the check needs the HTTPS question and the client following it', () => {
  const check = byId('https-aliasmode').check
  const alias = step({ query: q(['A 192.0.2.10']) })
  const https = step({ query: q(['HTTPS 0 cdn.example.test.']) })
  const follow = step({ query: q(['A 192.0.2.10']) })
  const on = { httpsAlias: { enabled: true, record: 'example.test. 60 IN HTTPS 0 cdn.example.test.', problem: null } }

  it('is not done when a step was skipped', () => {
    expect(check(observe({ https, follow }, on)).done).toBe(false)
    expect(check(observe({ alias, follow }, on)).done).toBe(false)
    expect(check(observe({ alias, https }, on)).done).toBe(false)
    // the option never turned on: the HTTPS question found nothing
    expect(check(observe({ alias, https: step({ query: q([]) }), follow })).done).toBe(false)
  })

  it('done: the HTTPS answer named the target', () => {
    const result = check(observe({ alias, https, follow }, on))
    expect(result).toMatchObject({ done: true, outcome: 'name' })
    expect(result.observed).toContain('example.test. HTTPS gave "HTTPS 0 cdn.example.test."')
  })

  it('the step that turns the option on is detected from the lab status', () => {
    const enable = byId('https-aliasmode').steps.find((s) => s.id === 'enable')!
    expect(enable.detect!(observe({}))).toBe(false)
    expect(enable.detect!(observe({}, on))).toBe(true)
  })
})
