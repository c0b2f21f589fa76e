import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { inspect } from '../../../electron/inspector'
import { checkApexDnssec, parseTrustAnchors } from '../../../electron/inspector/dnssec-check'
import { askVia, engineQuery } from '../../../electron/inspector/query-port'
import { zoneHead, zoneOf } from '../alias-server/support/zones'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { tempDirForSuite } from '../../support/suite-temp-dir'

/** The inspector's DNSSEC view: AD from a validating Unbound, RRSIGs, own validation from the zone's key. */

const ORIGIN = 'example.test.'
const ZONE = [zoneHead(ORIGIN, 3600, 60), '@ 60 IN ALIAS cdn.example.test.'].join('\n')

const dir = tempDirForSuite('alias-inspector-inspect-dnssec-')

async function setup(profile: 'draft' | 'powerdns'): Promise<{ server: AliasServer; unbound: UnboundServer; anchor: string }> {
  const server = await startAliasServer({ zones: [zoneOf(ZONE)], upstream: { mode: 'simulated' }, logQueries: false, settings: { profile }, dnssec: { keyDir: dir.path } })
  const anchor = (await readFile(`${dir.path}/example.test+13.key`, 'utf8')).trim()
  const unbound = await startUnbound({ stubs: [{ zone: ORIGIN, port: server.port }], trustAnchors: [anchor] })
  return { server, unbound, anchor }
}

describe('inspect with dnssec', () => {
  it('reports AD, the signing key and window, and its own secure validation agreeing with Unbound', async () => {
    const { server, unbound, anchor } = await setup('draft')
    try {
      const result = await inspect({ apex: ORIGIN, target: 'cdn.example.test.', resolvers: [{ transport: 'udp', host: '127.0.0.1', port: unbound.port }], skipAuthoritative: true, dnssec: true, trustAnchors: anchor })
      const d = result.resolvers[0]!.dnssec!
      expect(d.ad).toBe(true)
      expect(d.validation).toBe('secure')
      expect(d.agreesWithResolver).toBe(true)
      const keyTag = server.dnssec()[0]!.keyTag
      for (const set of [d.a, d.aaaa]) {
        expect(set.signed).toBe(true)
        expect(set.signatures[0]).toMatchObject({ keyTag, algorithm: 13, signer: ORIGIN, status: 'valid' })
        expect(set.signatures[0]!.inception).toBeLessThan(Date.now())
        expect(set.signatures[0]!.expiration).toBeGreaterThan(Date.now() + 86_400_000)
      }
    } finally {
      await unbound.stop()
      await server.stop()
    }
  }, 60_000)

  it('finds the powerdns profile’s apex bogus (no RRSIG), as Unbound does (SERVFAIL, no AD)', async () => {
    const { server, unbound, anchor } = await setup('powerdns')
    try {
      const result = await inspect({ apex: ORIGIN, target: 'cdn.example.test.', resolvers: [{ transport: 'udp', host: '127.0.0.1', port: unbound.port }], skipAuthoritative: true, dnssec: true, trustAnchors: anchor })
      const d = result.resolvers[0]!.dnssec!
      expect([d.ad, d.rcode, d.validation]).toEqual([false, 'SERVFAIL', 'bogus'])
      expect(d.reason).toMatch(/apex A has no RRSIG/)
      expect(d.a.signed).toBe(false)
      expect(d.agreesWithResolver).toBe(true)
    } finally {
      await unbound.stop()
      await server.stop()
    }
  }, 60_000)

  it('detects expired and not-yet-valid signatures against its own clock', async () => {
    const server = await startAliasServer({ zones: [zoneOf(ZONE)], upstream: { mode: 'simulated' }, logQueries: false, dnssec: { keyDir: dir.path } })
    try {
      const anchors = parseTrustAnchors((await readFile(`${dir.path}/example.test+13.key`, 'utf8')).trim())
      const resolver = { transport: 'udp' as const, host: '127.0.0.1', port: server.port }
      const ask = askVia(engineQuery, resolver, { rd: false, dnssecOk: true, timeoutMs: 2000 })
      const now = await checkApexDnssec(ask, ask, ORIGIN, anchors)
      expect(now.validation).toBe('secure')
      const later = await checkApexDnssec(ask, ask, ORIGIN, anchors, Date.now() + 30 * 86_400_000)
      expect(later.validation).toBe('bogus')
      expect(later.a.signatures[0]!.status).toBe('expired')
      const earlier = await checkApexDnssec(ask, ask, ORIGIN, anchors, Date.now() - 2 * 86_400_000)
      expect(earlier.a.signatures[0]!.status).toBe('not-yet-valid')
    } finally {
      await server.stop()
    }
  }, 30_000)
})
