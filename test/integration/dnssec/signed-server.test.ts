import { stat } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { ask } from '../alias-server/support/ask'
import { zoneHead, zoneOf } from '../alias-server/support/zones'
import { delv, delvAnchors } from './validators'
import { tempDirForSuite } from '../../support/suite-temp-dir'

/** The signed ALIAS server checked by BIND's delv, with the zone's own key as the trust anchor. */

const ORIGIN = 'example.test.'
const ZONE = [zoneHead(ORIGIN, 3600, 60), '@ 60 IN ALIAS cdn.example.test.', 'static 300 IN A 192.0.2.80', 'www 300 IN CNAME example.test.', 'deep.er 300 IN A 192.0.2.81'].join('\n')

const dir = tempDirForSuite('alias-inspector-dnssec-')

async function signedServer(algorithm: 'ecdsap256sha256' | 'ed25519', denial: 'nsec' | 'nsec3', profile?: 'powerdns'): Promise<AliasServer> {
  return startAliasServer({
    zones: [zoneOf(ZONE)],
    upstream: { mode: 'simulated' },
    logQueries: false,
    dnssec: { keyDir: dir.path, algorithm, denial },
    ...(profile ? { settings: { profile } } : {})
  })
}

const keyFile = (algorithm: string): string => `${dir.path}/example.test+${algorithm === 'ed25519' ? 15 : 13}.key`

for (const algorithm of ['ecdsap256sha256', 'ed25519'] as const) {
  for (const denial of ['nsec', 'nsec3'] as const) {
    describe(`${algorithm} with ${denial}`, () => {
      let server: AliasServer
      let anchors: string
      beforeAll(async () => {
        server = await signedServer(algorithm, denial)
        anchors = await delvAnchors(keyFile(algorithm), dir.path)
      })
      afterAll(async () => {
        await server.stop()
      })

      it('delv fully validates the synthesised apex A and AAAA', async () => {
        for (const type of ['A', 'AAAA']) {
          const out = await delv(server.port, anchors, ORIGIN, ORIGIN, type)
          expect(out, type).toMatch(/^; fully validated$/m)
          expect(out).toMatch(new RegExp(`^example\\.test\\.\\s+\\d+\\s+IN\\s+${type}\\s`, 'm'))
          expect(out).toMatch(new RegExp(`IN\\s+RRSIG\\s+${type} ${algorithm === 'ed25519' ? 15 : 13} 2 60 `))
        }
      })

      it('delv fully validates static records and a CNAME to the apex', async () => {
        expect(await delv(server.port, anchors, ORIGIN, 'static.example.test.', 'A')).toMatch(/^; fully validated$/m)
        const www = await delv(server.port, anchors, ORIGIN, 'www.example.test.', 'A')
        expect(www).toMatch(/^; fully validated$/m)
        expect(www).toMatch(/IN\s+CNAME\s+example\.test\./)
        expect(await delv(server.port, anchors, ORIGIN, ORIGIN, 'DNSKEY')).toMatch(/^; fully validated$/m)
      })

      it('delv validates NXDOMAIN (also below a missing name) and NODATA denials', async () => {
        for (const name of ['nope.example.test.', 'a.b.nope.example.test.', 'zzz.example.test.', 'er.example.test.']) {
          const out = await delv(server.port, anchors, ORIGIN, name, 'A')
          if (name === 'er.example.test.') expect(out, name).toMatch(/negative response, fully validated[\s\S]*NXRRSET/)
          else expect(out, name).toMatch(/negative response, fully validated[\s\S]*NXDOMAIN/)
        }
        const nodata = await delv(server.port, anchors, ORIGIN, 'static.example.test.', 'TXT')
        expect(nodata).toMatch(/negative response, fully validated[\s\S]*NXRRSET/)
        const apexNodata = await delv(server.port, anchors, ORIGIN, ORIGIN, 'TXT')
        expect(apexNodata).toMatch(/negative response, fully validated[\s\S]*NXRRSET/)
      })

      it('answers without DO carry no signatures; NXDOMAIN stays NXDOMAIN with DO', async () => {
        const plain = await ask(server.port, ORIGIN, 'A', { edns: true, dnssecOk: false })
        expect(plain.answer.map((r) => r.type)).toEqual(['A'])
        const signed = await ask(server.port, 'nope.example.test.', 'A', { edns: true, dnssecOk: true })
        expect(signed.header.rcode).toBe('NXDOMAIN')
        expect(signed.authority.map((r) => r.type)).toContain(denial === 'nsec' ? 'NSEC' : 'NSEC3')
      })
    })
  }
}

describe('signing once per fetch of the target', () => {
  it('keeps one RRSIG (Original TTL = the TTL first served) while the apex TTL counts down', async () => {
    const server = await signedServer('ecdsap256sha256', 'nsec')
    try {
      const first = await ask(server.port, ORIGIN, 'A', { dnssecOk: true })
      await new Promise((resolve) => setTimeout(resolve, 1200))
      const second = await ask(server.port, ORIGIN, 'A', { dnssecOk: true })
      const sig = (r: typeof first) => r.answer.find((x) => x.type === 'RRSIG')!
      const a = (r: typeof first) => r.answer.find((x) => x.type === 'A')!
      expect(sig(second).data).toBe(sig(first).data)
      expect(a(second).ttl).toBeLessThan(a(first).ttl)
      expect(sig(second).ttl).toBe(a(second).ttl)
      // the Original TTL field (third) is the TTL first served, never below what is served now
      expect(Number(sig(first).data.split(' ')[3])).toBe(a(first).ttl)
    } finally {
      await server.stop()
    }
  })
})

describe('keys', () => {
  it('are made once, private key mode 0600, and reused on restart with the same DS', async () => {
    const first = await signedServer('ecdsap256sha256', 'nsec')
    const ds = first.dnssec()[0]!.ds
    await first.stop()
    const again = await signedServer('ecdsap256sha256', 'nsec')
    expect(again.dnssec()[0]!.ds).toBe(ds)
    expect(ds).toMatch(/^example\.test\. IN DS \d+ 13 2 [0-9A-F]{64}$/)
    await again.stop()
    const mode = (await stat(`${dir.path}/example.test+13.private.json`)).mode & 0o777
    expect(mode).toBe(0o600)
  })
})

describe('the powerdns profile', () => {
  it('serves the live ALIAS answer unsigned, so delv rejects it while static records validate', async () => {
    const server = await signedServer('ecdsap256sha256', 'nsec', 'powerdns')
    try {
      const anchors = await delvAnchors(keyFile('ecdsap256sha256'), dir.path)
      const apex = await delv(server.port, anchors, ORIGIN, ORIGIN, 'A')
      expect(apex).not.toMatch(/fully validated/)
      expect(apex).toMatch(/resolution failed|no valid RRSIG|insecurity proof failed|broken trust chain/)
      expect(await delv(server.port, anchors, ORIGIN, 'static.example.test.', 'A')).toMatch(/^; fully validated$/m)
    } finally {
      await server.stop()
    }
  })
})
