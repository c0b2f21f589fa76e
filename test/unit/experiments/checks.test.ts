import { describe, expect, it } from 'vitest'
import { experiments, type Observation, type ReadyExperiment, type StepRecord } from '@shared/experiments'
import { labStatus } from '../../support/lab-status'
import type { LabStatus } from '@shared/lab'
import type { QueryLogRecord } from '@shared/lab-log'

const ready = experiments.filter((e): e is ReadyExperiment => e.status === 'ready')
const byId = (id: string) => ready.find((e) => e.id === id)!

const status = (patch: Partial<LabStatus> = {}): LabStatus =>
  labStatus({ target: { name: 'cdn.example.test.', a: ['192.0.2.10'], aaaa: [], ttl: 8, version: 1, changedAt: 1000, failure: { state: 'ok' }, rotation: null }, ...patch })

let nextId = 1
const row = (time: number, answer: string, type = 'A'): QueryLogRecord => ({
  id: nextId++,
  run: 1,
  time,
  client: '127.0.0.1:5000',
  transport: 'udp',
  name: 'example.test.',
  type,
  rcode: 'NOERROR',
  answer,
  ttl: 8,
  cache: 'miss',
  upstreamRttMs: 1,
  truncated: false
})

const record = (query: StepRecord['query'], patch: Partial<StepRecord> = {}): StepRecord => ({ at: 0, ok: true, error: null, query, upstreamQueries: 1, ...patch })
const empty: Observation = { status: status(), log: [], steps: {}, compare: null }

describe('completion checks fail when the step was not done', () => {
  for (const experiment of ready) {
    it(`${experiment.number}. ${experiment.id}: an untouched lab is not done`, () => {
      const result = experiment.check(empty)
      expect(result.done).toBe(false)
      expect(result.outcome).toBeNull()
      expect(result.observed.length).toBeGreaterThan(0)
    })
  }

  it('apex CNAME: a refusal for another reason does not count', () => {
    const check = byId('apex-cname').check
    expect(check({ ...empty, steps: { try: record(null, { ok: false, error: 'line 3: unknown type FOO' }) } }).done).toBe(false)
    const tried = { try: record(null, { ok: false, error: 'a CNAME cannot be at the zone apex example.test.' }) }
    expect(check({ ...empty, steps: tried }).done, 'the Cloudflare part is still to do').toBe(false)
    const flattened = record({ rcode: 'NOERROR', answer: ['A 192.0.2.10'], ttl: 60 })
    const waited = { ...row(5, 'A 192.0.2.10'), upstreamRttMs: 0.4 }
    // served as a CNAME, or no log row that waited for the target: not done
    const asCname = record({ rcode: 'NOERROR', answer: ['CNAME cdn.example.test.', 'A 192.0.2.10'], ttl: 60 })
    expect(check({ ...empty, steps: { ...tried, cloudflare: asCname }, log: [waited] }).done).toBe(false)
    expect(check({ ...empty, steps: { ...tried, cloudflare: flattened }, log: [{ ...row(5, 'A 192.0.2.10'), upstreamRttMs: null }] }).done).toBe(false)
    const refused = check({ ...empty, steps: { ...tried, cloudflare: flattened }, log: [waited] })
    expect(refused).toMatchObject({ done: true, outcome: 'refused' })
    expect(refused.observed).toContain('Cloudflare dialect')
  })

  it('flattening: answers without an upstream query to the target do not count', () => {
    const log = [row(2, 'AAAA 2001:db8::10', 'AAAA'), row(1, 'A 192.0.2.10')]
    expect(byId('flattening-log').check({ ...empty, log }).done).toBe(false)
    const counters = { perTarget: [{ target: 'cdn.example.test.', type: 'A' as const, upstreamQueries: 1 }] } as unknown as LabStatus['counters']
    expect(byId('flattening-log').check({ ...empty, log, status: status({ counters }) })).toMatchObject({ done: true, outcome: 'a-only' })
  })

  it('staleness: a change without an earlier answer, or without the new answer, does not count', () => {
    const check = byId('staleness').check
    const moved = status({ target: { ...status().target!, a: ['192.0.2.20'], changedAt: 10_000 } })
    expect(check({ ...empty, status: moved, log: [row(12_000, 'A 192.0.2.20')] }).done).toBe(false)
    expect(check({ ...empty, status: moved, log: [row(11_000, 'A 192.0.2.10'), row(9_000, 'A 192.0.2.10')] }).done).toBe(false)
    const done = check({ ...empty, status: moved, log: [row(15_000, 'A 192.0.2.20'), row(11_000, 'A 192.0.2.10'), row(9_000, 'A 192.0.2.10')] })
    expect(done).toMatchObject({ done: true, outcome: 'within-ttl' })
    expect(done.observed).toContain('5.0 s after the change')
  })

  it('TTL policies: two of three policies are not enough', () => {
    const check = byId('ttl-policies').check
    const steps = { min: record({ rcode: 'NOERROR', answer: ['A 192.0.2.10'], ttl: 60 }), fixed: record({ rcode: 'NOERROR', answer: ['A 192.0.2.10'], ttl: 60 }) }
    expect(check({ ...empty, steps }).done).toBe(false)
    const all = check({ ...empty, steps: { ...steps, passthrough: record({ rcode: 'NOERROR', answer: ['A 192.0.2.10'], ttl: 299 }, { upstreamQueries: 3 }) } })
    expect(all).toMatchObject({ done: true, outcome: 'passthrough' })
  })

  it('target breaks: every profile must be tried; the outcome is what PowerDNS gave', () => {
    const check = byId('target-breaks').check
    const servfail = record({ rcode: 'SERVFAIL', answer: [], ttl: null })
    const stale = record({ rcode: 'NOERROR', answer: ['A 192.0.2.10'], ttl: 30 })
    expect(check({ ...empty, steps: { draft: stale, powerdns: servfail } }).done).toBe(false)
    expect(check({ ...empty, steps: { draft: stale, powerdns: servfail, dnsimple: stale } })).toMatchObject({ done: true, outcome: 'servfail' })
  })

  it('providers differ: a comparison of other profiles, or one still running, does not count', () => {
    const check = byId('providers-differ').check
    const run = { running: false, startedAt: 0, input: { profiles: ['draft', 'google'], durationSeconds: 25, targetTtl: 5 }, steps: [], samples: [], lags: [] } as Observation['compare']
    expect(check({ ...empty, compare: run }).done).toBe(false)
    const ours = { ...run!, running: true, input: { ...run!.input, profiles: ['powerdns', 'dnsimple'] }, lags: [{ profile: 'powerdns', lags: [5] }] } as Observation['compare']
    expect(check({ ...empty, compare: ours }).done).toBe(false)
    expect(check({ ...empty, compare: { ...ours!, running: false } })).toMatchObject({ done: true, outcome: 'different' })
  })
})

describe('DNSSEC and transfers: the check needs every part of the run', () => {
  const transfer = (...apex: string[]) =>
    record({ rcode: 'NOERROR', answer: ['example.test. SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 60', 'ns1.example.test. A 127.0.0.1', ...apex.map((rr) => `example.test. ${rr}`)], ttl: 3600 })

  it('AXFR: the raw transfer alone, or an expanded one still carrying the ALIAS, is not done', () => {
    const check = byId('secondaries-axfr').check
    const raw = transfer('ALIAS cdn.example.test.')
    expect(check({ ...empty, steps: { raw } }).done).toBe(false)
    expect(check({ ...empty, steps: { raw, expanded: raw } }).done).toBe(false)
    expect(check({ ...empty, steps: { raw, expanded: record(null, { ok: false, error: 'the transfer was answered SERVFAIL' }) } }).done).toBe(false)
    const done = check({ ...empty, steps: { raw, expanded: transfer('A 192.0.2.10', 'AAAA 2001:db8::10') } })
    expect(done).toMatchObject({ done: true, outcome: 'alias' })
    expect(done.observed).toContain('the expanded one "A 192.0.2.10, AAAA 2001:db8::10"')
    // the static ns1 A record is not the apex's
    expect(check({ ...empty, steps: { raw: transfer('ALIAS cdn.example.test.'), expanded: transfer() } }).done).toBe(false)
  })

  it('DNSSEC: unsigned, or a powerdns answer still signed, is not done', () => {
    const check = byId('alias-dnssec').check
    const sign = record(null)
    const signedA = record({ rcode: 'NOERROR', answer: ['A 192.0.2.10', 'RRSIG A 13 2 60 20261209000000 20261202000000 12345 example.test. abc='], ttl: 60 })
    const plainA = record({ rcode: 'NOERROR', answer: ['A 192.0.2.10'], ttl: 60 })
    expect(check({ ...empty, steps: { 'query-do': signedA, powerdns: plainA } }).done, 'never signed').toBe(false)
    expect(check({ ...empty, steps: { sign, 'query-do': signedA } }).done).toBe(false)
    expect(check({ ...empty, steps: { sign, 'query-do': signedA, powerdns: signedA } }).done).toBe(false)
    const done = check({ ...empty, steps: { sign, 'query-do': signedA, powerdns: plainA } })
    expect(done).toMatchObject({ done: true, outcome: 'signed' })
    expect(done.observed).toContain('RRSIG A 13')
    expect(check({ ...empty, steps: { sign, 'query-do': plainA, powerdns: plainA } }).outcome).toBe('unsigned')
  })

  it('DNSSEC: the signing step is detected from the lab status', () => {
    const sign = byId('alias-dnssec').steps.find((s) => s.id === 'sign')!
    expect(sign.detect!(empty)).toBe(false)
    expect(sign.detect!({ ...empty, status: status({ dnssec: [{}] as unknown as LabStatus['dnssec'] }) })).toBe(true)
  })
})

describe('"do it yourself" steps are detected from the lab', () => {
  it('flattening: a query the student sent by hand (in the log) marks its step done', () => {
    const steps = Object.fromEntries(ready.find((e) => e.id === 'flattening-log')!.steps.map((s) => [s.id, s]))
    const observation: Observation = { status: null, log: [row(1, 'AAAA 2001:db8::10', 'AAAA')], steps: {}, compare: null }
    expect(steps['query-aaaa']!.detect!(observation)).toBe(true)
    expect(steps['query-a']!.detect!(observation)).toBe(false)
  })

  it('staleness: the target moved in the lab tab marks the change step done', () => {
    const change = ready.find((e) => e.id === 'staleness')!.steps.find((s) => s.id === 'change')!
    const base: Observation = { status: null, log: [], steps: {}, compare: null }
    expect(change.detect!(base)).toBe(false)
    const target = { name: 'cdn.example.test.', a: ['192.0.2.20'], aaaa: [], ttl: 8, version: 2, changedAt: 5, failure: { state: 'ok' as const }, rotation: null }
    expect(change.detect!({ ...base, status: { target } as unknown as LabStatus })).toBe(true)
  })
})
