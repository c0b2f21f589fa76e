import { describe, expect, it } from 'vitest'
import type { TargetFailureInput } from '@shared/alias-server'
import type { ProfileId } from '@shared/providers'
import { PROFILES, profileById } from '../../../electron/providers'
import { APEX_ALIAS_TTL, askLong, expectedOutcome, flushLog, LOW_ALIAS_TTL, ORIGIN, sleep, TARGET_A, withProfile } from './support'

/**
 * Every profile over real UDP and TCP against the ALIAS server: its TTL rule, and what each target
 * failure state turns into. Expectations are read from the profile's own rule values, so a rule
 * changed in the data is a rule the server must follow; the anchors below pin a few by name.
 */

const TARGET_TTL = 20
const ids = PROFILES.map((p) => p.id)

function expectedTtl(rule: string, aliasTtl: number): number {
  if (rule === 'passthrough') return TARGET_TTL
  if (rule === 'record') return aliasTtl
  if (rule.startsWith('constant:')) return Number(rule.slice(9))
  return Math.min(aliasTtl, TARGET_TTL)
}

describe.concurrent.each(ids)('profile %s: TTL rule', (id) => {
  it('serves the TTL its rule says, at the apex and below, over UDP and TCP; counting down only where the rule does', async () => {
    const p = profileById(id)
    await withProfile(id, TARGET_TTL, async (s) => {
      for (const [name, aliasTtl] of [[ORIGIN, APEX_ALIAS_TTL], [`low.${ORIGIN}`, LOW_ALIAS_TTL]] as const) {
        for (const transport of ['udp', 'tcp'] as const) {
          const r = await askLong(s.server.port, name, 'A', transport)
          expect(r.header.rcode).toBe('NOERROR')
          expect(r.answer.map((x) => x.data).sort()).toEqual(TARGET_A)
          expect(r.answer[0]!.ttl, `${id} ${name} ${transport}`).toBe(expectedTtl(p.ttl.value, aliasTtl))
        }
      }
      await sleep(2100)
      const later = await askLong(s.server.port, ORIGIN, 'A', 'udp')
      const first = expectedTtl(p.ttl.value, APEX_ALIAS_TTL)
      const countsDown = p.ttl.value === 'passthrough' || (p.ttl.value === 'min' && TARGET_TTL <= APEX_ALIAS_TTL)
      if (countsDown) expect(later.answer[0]!.ttl).toBeLessThanOrEqual(first - 2)
      else expect(later.answer[0]!.ttl).toBe(first)
      await flushLog(s)
      expect(s.log.find((e) => e.type === 'A' && e.rcode === 'NOERROR')?.rule).toMatch(new RegExp(`TTL: .*\\(${p.ttl.value}\\), as `))
    })
  })
})

const states: TargetFailureInput[] = [
  { state: 'nxdomain' },
  { state: 'nodata' },
  { state: 'servfail' },
  { state: 'silent' },
  { state: 'slow', delayMs: 150 },
  { state: 'family', family: 'AAAA' }
]

describe.concurrent.each(ids)('profile %s: target failure states', (id) => {
  it.each(states.map((s) => [s.state, s] as const))('%s, with and without a last good answer, over UDP and TCP', async (_state, failure) => {
    const p = profileById(id)
    for (const hadGoodAnswer of [true, false]) {
      await withProfile(id as ProfileId, 1, async (s) => {
        if (hadGoodAnswer) {
          expect((await askLong(s.server.port, ORIGIN, 'A', 'udp')).answer.length).toBe(TARGET_A.length)
          expect((await askLong(s.server.port, ORIGIN, 'AAAA', 'udp')).answer.length).toBe(1)
        }
        s.server.simulatedTarget.setFailure(failure)
        if (hadGoodAnswer) await sleep(1150) // the cached answer expires: the server meets the failure
        const type = failure.state === 'family' ? 'AAAA' : 'A'
        const expected = expectedOutcome(p, failure.state, hadGoodAnswer)
        for (const transport of ['udp', 'tcp'] as const) {
          const r = await askLong(s.server.port, ORIGIN, type, transport)
          const where = `${id} ${failure.state} ${transport} ${hadGoodAnswer ? 'after a good answer' : 'cold'}`
          expect(r.header.rcode, where).toBe(expected.rcode)
          expect(r.answer.length > 0, where).toBe(expected.addresses === 'target')
          if (expected.rcode === 'NOERROR' && expected.addresses === 'none') expect(r.authority.map((x) => x.type), where).toEqual(['SOA'])
        }
        if (failure.state === 'family') {
          // the other family is untouched
          const a = await askLong(s.server.port, ORIGIN, 'A', 'udp')
          expect(a.answer.map((x) => x.data).sort()).toEqual(TARGET_A)
        }
        await flushLog(s)
        const entry = s.log.find((e) => e.type === type && e.rule !== undefined && !e.rule.startsWith('TTL'))
        if (failure.state !== 'slow') expect(entry?.rule, `${id} ${failure.state}: the log names the rule`).toContain(p.name.replace(/ \(.*\)$/, ''))
      })
    }
  })
})

describe('anchors: rules pinned by provider', () => {
  it('PowerDNS: a target NXDOMAIN is SERVFAIL, a NODATA is an empty NOERROR, the log says why', async () => {
    await withProfile('powerdns', 1, async (s) => {
      s.server.simulatedTarget.setFailure({ state: 'nxdomain' })
      expect((await askLong(s.server.port, ORIGIN, 'A', 'udp')).header.rcode).toBe('SERVFAIL')
      await flushLog(s)
      expect(s.log.at(-1)?.rule).toBe('target NXDOMAIN → SERVFAIL, as PowerDNS Authoritative does')
    })
  })

  it('DNSimple: a silent target times out twice, 500 ms each; the last good answer is served stale, else an empty answer', async () => {
    await withProfile('dnsimple', 1, async (s) => {
      await askLong(s.server.port, ORIGIN, 'A', 'udp')
      s.server.simulatedTarget.setFailure({ state: 'silent' })
      await sleep(1150)
      const started = performance.now()
      const stale = await askLong(s.server.port, ORIGIN, 'A', 'udp')
      const took = performance.now() - started
      expect(stale.answer.map((x) => x.data).sort()).toEqual(TARGET_A)
      expect(stale.answer[0]!.ttl).toBe(30)
      expect(stale.edns?.ede.map((e) => e.code)).toContain(3)
      expect(took).toBeGreaterThanOrEqual(950)
      await flushLog(s)
      expect(s.log.at(-1)?.rule).toBe('target timed out twice, 500 ms each → last good answer served stale (TTL 30), as DNSimple does')
    })
    await withProfile('dnsimple', 1, async (cold) => {
      cold.server.simulatedTarget.setFailure({ state: 'silent' })
      const r = await askLong(cold.server.port, ORIGIN, 'A', 'tcp')
      expect(r.header.rcode).toBe('NOERROR')
      expect(r.answer).toEqual([])
      await flushLog(cold)
      expect(cold.log.at(-1)?.rule).toBe('target timed out twice, 500 ms each → empty NOERROR (no answer to serve stale), as DNSimple does')
    })
  })

  it('an override says so: --on-missing servfail on the cloudflare profile', async () => {
    await withProfile('cloudflare', 1, async (s) => {
      s.server.updateSettings({ onTargetMissing: 'servfail' })
      s.server.simulatedTarget.setFailure({ state: 'nodata' })
      expect((await askLong(s.server.port, ORIGIN, 'A', 'udp')).header.rcode).toBe('SERVFAIL')
      await flushLog(s)
      expect(s.log.at(-1)?.rule).toBe('target NODATA → SERVFAIL (override of the Cloudflare profile)')
    })
  })

  it('a query for the alias type: the record where the profile serves it, an empty answer elsewhere', async () => {
    for (const id of ids) {
      await withProfile(id, 20, async (s) => {
        const r = await askLong(s.server.port, ORIGIN, 65401, 'udp')
        expect(r.header.rcode).toBe('NOERROR')
        expect(r.answer.length, id).toBe(profileById(id).aliasTypeQuery.value === 'record' ? 1 : 0)
      })
    }
  })
})
