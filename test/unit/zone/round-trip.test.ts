import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseZone, serializeZone, type Zone } from '../../../electron/zone'
import { brief, zoneWith } from './zone-test-helpers'

const fixture = readFileSync(join(__dirname, '../../fixtures/zones/alias-demo.zone'), 'utf8')

function parsed(text: string): Zone {
  const { zone, errors } = parseZone(text)
  expect(errors.map(String)).toEqual([])
  return zone!
}
const withoutPositions = (zone: Zone) => ({ origin: zone.origin, records: zone.records.map(brief) })

describe('serializeZone', () => {
  it('parse(serialize(parse(fixture))) equals parse(fixture)', () => {
    const first = parsed(fixture)
    const second = parsed(serializeZone(first))
    expect(withoutPositions(second)).toEqual(withoutPositions(first))
  })

  it('the fixture has the features the round trip is meant to cover', () => {
    const zone = parsed(fixture)
    const types = new Set(zone.records.map((r) => r.type))
    for (const t of ['SOA', 'NS', 'ALIAS', 'ANAME', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'CAA', 'HTTPS', 'SVCB', 'SRV', 'TYPE65534']) expect(types).toContain(t)
    expect(zone.records.find((r) => r.type === 'ALIAS')).toMatchObject({ name: 'example.test.', rdata: ['cdn.example.test.'] })
    expect(zone.records.find((r) => r.type === 'CNAME')).toMatchObject({ name: 'www.example.test.', rdata: ['example.test.'], ttl: 300 })
    expect(zone.records.some((r) => r.name.startsWith('*.'))).toBe(true)
  })

  it('is stable: serialising twice gives the same text', () => {
    const once = serializeZone(parsed(fixture))
    expect(serializeZone(parsed(once))).toBe(once)
  })

  it('writes owners relative to $ORIGIN, explicit TTL and class, rdata tokens as parsed', () => {
    const text = serializeZone(parsed(zoneWith('www 300 CNAME @\nt TXT "a \\"b\\""\n*.w A 192.0.2.1\na\\.b A 192.0.2.2')))
    expect(text.split('\n')).toEqual([
      '$ORIGIN example.test.',
      '@    3600 IN SOA   ns1.example.test. hostmaster.example.test. 1 7200 3600 1209600 300',
      '@    3600 IN NS    ns1.example.test.',
      'www   300 IN CNAME example.test.',
      't    3600 IN TXT   "a \\"b\\""',
      '*.w  3600 IN A     192.0.2.1',
      'a\\.b 3600 IN A     192.0.2.2',
      ''
    ])
  })

  it.each([
    ['escaped and odd octets', 'x TXT "\\000\\255" "tab\\009" "q\\"uote"\nsp\\032ace A 192.0.2.1'],
    ['RFC 3597 data', 'x TYPE65534 \\# 0\ny TYPE65000 \\# 2 ABCD'],
    ['SVCB values needing quotes and escapes', 's SVCB 1 t alpn="f\\\\\\\\oo\\\\,bar,h2" key65000="a b;c" dohpath=/dns{?dns}'],
    ['names with special characters', 'a\\@b A 192.0.2.1\n\\$x A 192.0.2.2\nq CNAME a\\(b\\).c.example.test.'],
    ['NAPTR, DS, SRV', 'n NAPTR 100 10 "u" "E2U+sip" "!^.*$!sip:a@b!" .\nsub DS 1 8 1 2BB183AF5F22588179A53B0A98631FAD1A292118\n_x._tcp SRV 0 0 0 .']
  ])('round trip of %s', (_, body) => {
    const first = parsed(zoneWith(body))
    expect(withoutPositions(parsed(serializeZone(first)))).toEqual(withoutPositions(first))
  })
})
