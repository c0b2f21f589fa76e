import { describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { zoneHead, zoneOf } from '../alias-server/support/zones'
import { dnsvizCheck } from './dnsviz'
import { tempDirForSuite } from '../../support/suite-temp-dir'

/** DNSViz (probe on loopback only, grok with the zone's key as trust anchor) on the signed server. */

const ORIGIN = 'example.test.'
const ZONE = [zoneHead(ORIGIN, 3600, 60), '@ 60 IN ALIAS cdn.example.test.', 'static 300 IN A 192.0.2.80', '@ 300 IN MX 10 mail.example.test.', 'mail 300 IN A 192.0.2.25'].join('\n')

const dir = tempDirForSuite('alias-inspector-dnsviz-')

async function check(denial: 'nsec' | 'nsec3', profile: 'draft' | 'powerdns', algorithm: 'ecdsap256sha256' | 'ed25519' = 'ecdsap256sha256') {
  const server: AliasServer = await startAliasServer({
    zones: [zoneOf(ZONE)],
    upstream: { mode: 'simulated' },
    logQueries: false,
    settings: { profile },
    dnssec: { keyDir: dir.path, algorithm, denial }
  })
  try {
    return await dnsvizCheck(ORIGIN, server.port, `${dir.path}/example.test+${algorithm === 'ed25519' ? 15 : 13}.key`)
  } finally {
    await server.stop()
  }
}

describe('dnsviz', () => {
  for (const [denial, algorithm] of [
    ['nsec', 'ecdsap256sha256'],
    ['nsec3', 'ed25519']
  ] as const) {
    it(`finds no errors or warnings and every RRset secure (${denial}, ${algorithm})`, async () => {
      const { findings, statuses } = await check(denial, 'draft', algorithm)
      expect(findings).toEqual([])
      expect(statuses.some((s) => s.includes('example.test./IN/A') && s.endsWith('SECURE'))).toBe(true)
      expect(statuses.filter((s) => !/(SECURE|VALID|NOERROR)$/.test(s))).toEqual([])
    }, 180_000)
  }

  it('reports the powerdns profile’s unsigned apex A as an error', async () => {
    const { findings, statuses } = await check('nsec', 'powerdns')
    expect(findings.some((f) => f.kind === 'errors' && f.path.includes('example.test./IN/A'))).toBe(true)
    expect(statuses.some((s) => s.includes('example.test./IN/A') && /BOGUS/.test(s))).toBe(true)
  }, 180_000)
})
