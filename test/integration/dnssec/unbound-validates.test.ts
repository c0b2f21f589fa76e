import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { ask } from '../alias-server/support/ask'
import { zoneHead, zoneOf } from '../alias-server/support/zones'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { tempDirForSuite } from '../../support/suite-temp-dir'

/** Unbound, validating with the zone's DNSKEY as trust anchor, in front of the signed ALIAS server. */

const ORIGIN = 'example.test.'
const ZONE = [zoneHead(ORIGIN, 3600, 60), '@ 60 IN ALIAS cdn.example.test.', 'static 300 IN A 192.0.2.80'].join('\n')

const dir = tempDirForSuite('alias-inspector-dnssec-unbound-')

async function pair(profile: 'draft' | 'powerdns', denial: 'nsec' | 'nsec3'): Promise<{ server: AliasServer; unbound: UnboundServer }> {
  const server = await startAliasServer({
    zones: [zoneOf(ZONE)],
    upstream: { mode: 'simulated' },
    logQueries: false,
    settings: { profile },
    dnssec: { keyDir: dir.path, algorithm: 'ecdsap256sha256', denial }
  })
  const anchor = (await readFile(`${dir.path}/example.test+13.key`, 'utf8')).trim()
  const unbound = await startUnbound({ stubs: [{ zone: ORIGIN, port: server.port }], trustAnchors: [anchor] })
  return { server, unbound }
}

describe('unbound with a trust anchor', () => {
  for (const denial of ['nsec', 'nsec3'] as const) {
    it(`sets AD on the synthesised apex, static records and denials (${denial})`, async () => {
      const { server, unbound } = await pair('draft', denial)
      try {
        const ask1 = (name: string, type: string) => ask(unbound.port, name, type, { rd: true, dnssecOk: true, timeoutMs: 5000 })
        for (const type of ['A', 'AAAA']) {
          const r = await ask1(ORIGIN, type)
          expect(r.header.rcode, type).toBe('NOERROR')
          expect(r.header.flags.ad, type).toBe(true)
          expect(r.answer.some((x) => x.type === type)).toBe(true)
        }
        expect((await ask1('static.example.test.', 'A')).header.flags.ad).toBe(true)
        const nx = await ask1('nope.example.test.', 'A')
        expect([nx.header.rcode, nx.header.flags.ad]).toEqual(['NXDOMAIN', true])
        const nodata = await ask1('static.example.test.', 'TXT')
        expect([nodata.header.rcode, nodata.answer.length, nodata.header.flags.ad]).toEqual(['NOERROR', 0, true])
      } finally {
        await unbound.stop()
        await server.stop()
      }
    })
  }

  it('answers SERVFAIL for the powerdns profile’s unsigned apex (bogus); with CD set, the answer shows it has no RRSIG', async () => {
    const { server, unbound } = await pair('powerdns', 'nsec')
    try {
      const r = await ask(unbound.port, ORIGIN, 'A', { rd: true, dnssecOk: true, timeoutMs: 5000 })
      expect(r.header.rcode).toBe('SERVFAIL')
      const checkingDisabled = await ask(unbound.port, ORIGIN, 'A', { rd: true, cd: true, dnssecOk: true, timeoutMs: 5000 })
      expect(checkingDisabled.answer.some((x) => x.type === 'A')).toBe(true)
      expect(checkingDisabled.answer.some((x) => x.type === 'RRSIG')).toBe(false)
      const stat = await ask(unbound.port, 'static.example.test.', 'A', { rd: true, dnssecOk: true, timeoutMs: 5000 })
      expect(stat.header.flags.ad).toBe(true)
    } finally {
      await unbound.stop()
      await server.stop()
    }
  })
})
