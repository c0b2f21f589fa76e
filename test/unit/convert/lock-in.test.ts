import { describe, expect, it } from 'vitest'
import { formatLockInReport, lockInReport, readZone } from '../../../electron/convert'
import { convert } from '../../../electron/convert'

const ZONE = `$ORIGIN example.test.
$TTL 300
@ SOA ns1 hostmaster 1 7200 3600 1209600 300
@ NS ns1
@ ALIAS cdn.provider.test.
@ A 192.0.2.10
shop ALIAS shop.provider.test.
ns1 A 192.0.2.1
`

describe('portability rules and the lock-in report', () => {
  it('rates every target with reasons and sources', async () => {
    const { zone } = await readZone(ZONE, 'bind', { file: 'z' })
    const rows = Object.fromEntries(lockInReport(zone).map((r) => [r.target, r]))
    expect(rows.bind.status).toBe('as-is')
    expect(rows.aname.status).toBe('as-is')
    expect(rows.route53.status).toBe('flatten')
    expect(rows.route53.reasons.map((r) => r.record)).toEqual(['example.test. ALIAS', 'shop.example.test. ALIAS'])
    expect(rows.route53.reasons[0].source).toMatch(/docs\.aws\.amazon\.com/)
    expect(rows.octodns.status).toBe('flatten')
    expect(rows.octodns.reasons.map((r) => r.record)).toEqual(['shop.example.test. ALIAS'])
    // the apex alias beside a static A is a CNAME beside an A at Cloudflare
    expect(rows.cloudflare.status).toBe('flatten')
    expect(rows.cloudflare.reasons[0].reason).toMatch(/cannot stand beside the A record/)
    expect(rows['google-cloud-dns'].status).toBe('flatten')
    expect(formatLockInReport(lockInReport(zone), zone.origin)).toMatch(/octodns\s+octoDNS\s+flatten/)
  })

  it('Google Cloud DNS cannot take aliases in a DNSSEC-signed zone', async () => {
    const signed = ZONE + '@ DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n'
    const { zone } = await readZone(signed, 'bind', { file: 'z' })
    const google = lockInReport(zone).find((r) => r.target === 'google-cloud-dns')!
    expect(google.status).toBe('cannot')
    expect(google.reasons[0].reason).toMatch(/DNSSEC/)
  })

  it('stops with a located error when the target cannot hold an alias and no resolver is given', async () => {
    const err = await convert(ZONE, { from: 'bind', to: 'octodns', file: 'z.zone' }).catch((e: Error) => e)
    expect(String((err as Error).message)).toBe(
      'z.zone:7:1: shop.example.test. ALIAS shop.provider.test.: octoDNS accepts ALIAS only at the root of the zone, not at shop.example.test. (https://github.com/octodns/octodns/blob/main/octodns/record/alias.py); give a resolver (--resolver SERVER) to flatten it into the addresses it has now'
    )
  })

  it('flattens through the resolver and warns, naming the record', async () => {
    const query = async (name: string, type: 'A' | 'AAAA') => ({
      header: { rcode: 'NOERROR' },
      answer: type === 'A' ? [{ name, type: 'A', ttl: 42, data: '198.51.100.9' }] : [],
      authority: type === 'AAAA' ? [{ name: 'provider.test.', type: 'SOA', ttl: 30, data: 'ns. h. 1 2 3 4 60' }] : []
    })
    const out = await convert(ZONE, {
      from: 'bind',
      to: 'octodns',
      file: 'z.zone',
      resolver: { transport: 'udp', host: '127.0.0.1', port: 53 },
      query: query as never,
      now: () => Date.parse('2026-01-01T00:00:00Z')
    })
    expect(out.text).toMatch(/shop:\n {2}type: A\n {2}ttl: 42\n {2}value: 198\.51\.100\.9/)
    expect(out.warnings.find((w) => w.record === 'shop.example.test. ALIAS')?.message).toMatch(/^flattened to the addresses of shop\.provider\.test\. now: octoDNS accepts ALIAS only at the root/)
    expect(out.flattened[0].refreshBy).toBe(Date.parse('2026-01-01T00:00:30Z'))
    expect(out.summary[0]).toMatch(/regenerate this zone at least every 30 s/)
  })
})
