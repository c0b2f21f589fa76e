import { describe, expect, it } from 'vitest'
import { parseZone, validateZone, type Zone, type ZoneRecord } from '../../../electron/zone'
import { zoneWith } from './zone-test-helpers'

interface RuleCase {
  name: string
  text: string
  raw?: boolean
  /** [line, column, message fragment] for every error, in order. */
  errors: [number, number, string][]
}

const cases: RuleCase[] = [
  { name: 'CNAME at the apex', text: '@ CNAME other.example.net.', errors: [[5, 1, 'a CNAME cannot be at the zone apex example.test.: it would sit beside the SOA and NS records']] },
  { name: 'CNAME beside other data', text: 'www CNAME @\nwww TXT "x"', errors: [[5, 1, 'a CNAME cannot share www.example.test. with other data (RFC 1034 §3.6.2, RFC 2181 §10.1): TXT at line 6']] },
  { name: 'two CNAMEs at one name', text: 'www CNAME a\nWWW CNAME b', errors: [[6, 1, 'more than one CNAME at www.example.test. (the first is at line 5)']] },
  { name: 'ALIAS beside a CNAME', text: 'api CNAME x\napi ALIAS cdn.example.net.', errors: [[6, 1, 'ALIAS cannot share api.example.test. with a CNAME (line 5)']] },
  { name: 'ANAME beside a CNAME', text: 'api ANAME cdn.example.net.\napi CNAME x', errors: [[5, 1, 'ANAME cannot share api.example.test. with a CNAME (line 6)']] },
  { name: 'two ALIAS records at one name', text: '@ ALIAS a.example.net.\n@ ALIAS b.example.net.', errors: [[6, 1, 'more than one ALIAS/ANAME at example.test. (the first is at line 5)']] },
  { name: 'ALIAS and ANAME at one name', text: 'x ALIAS a.example.net.\nx ANAME b.example.net.', errors: [[6, 1, 'more than one ALIAS/ANAME at x.example.test.']] },
  { name: 'missing SOA', raw: true, text: '$ORIGIN example.test.\n$TTL 60\n@ NS ns1', errors: [[1, 1, 'the zone has no SOA record (one is required at the origin example.test.)']] },
  { name: 'SOA away from the origin', text: 'sub SOA a b 1 2 3 4 5', errors: [[5, 1, 'the SOA record must be at the zone origin example.test., not at sub.example.test.']] },
  { name: 'second SOA', text: '@ SOA a b 2 2 3 4 5', errors: [[5, 1, 'more than one SOA record (the first is at line 3)']] },
  { name: 'record outside the origin', text: 'www.example.net. A 192.0.2.1\n$ORIGIN example.org.\nx A 192.0.2.2', errors: [[5, 1, 'www.example.net. is outside the zone example.test.'], [7, 1, 'x.example.org. is outside the zone example.test.']] },
  { name: 'names that only end like the origin are outside it (text suffix is not enough)', text: 'badexample.test. A 192.0.2.1\nx\\.example.test. A 192.0.2.1', errors: [[5, 1, 'badexample.test. is outside the zone example.test.'], [6, 1, 'x\\.example.test. is outside the zone example.test.']] },
  { name: 'ALIAS beside A and AAAA is allowed (static fallback)', text: '@ ALIAS cdn.example.net.\n@ A 192.0.2.1\n@ AAAA 2001:db8::1', errors: [] },
  { name: 'ANAME beside other data is allowed', text: 'api ANAME cdn\napi TXT "x"\napi MX 1 mail', errors: [] },
  { name: 'CNAME beside RRSIG/NSEC in RFC 3597 form is fine (RFC 4035)', text: 'www CNAME @\nwww TYPE47 \\# 0\nwww TYPE46 \\# 0', errors: [] },
  { name: 'CNAME alone below the apex is fine', text: 'www CNAME @\nwww2 CNAME www', errors: [] }
]

describe('semantic rules through parseZone', () => {
  it.each(cases)('$name', ({ text, raw, errors }) => {
    const result = parseZone(raw ? text : zoneWith(text))
    expect(result.errors.map((e) => [e.line, e.column])).toEqual(errors.map(([l, c]) => [l, c]))
    result.errors.forEach((e, i) => expect(e.reason).toContain(errors[i][2]))
    expect(result.zone === undefined).toBe(errors.length > 0)
  })

  it('a syntax error on the SOA line is not doubled by "no SOA"', () => {
    const { errors } = parseZone('$ORIGIN example.test.\n$TTL 60\n@ SOA a b x 2 3 4 5')
    expect(errors.map((e) => e.reason)).toEqual(['"x" is not a valid SOA serial (expected 0-4294967295)'])
  })
})

describe('validateZone on a model built in code', () => {
  const rec = (name: string, type: string, rdata: string[], line: number): ZoneRecord => ({ name, type, ttl: 60, class: 'IN', rdata, line, column: 1 })
  const soa = rec('example.test.', 'SOA', ['ns.example.test.', 'h.example.test.', '1', '2', '3', '4', '5'], 1)

  it('accepts a clean zone', () => {
    const zone: Zone = { origin: 'example.test.', records: [soa, rec('example.test.', 'ALIAS', ['cdn.example.net.'], 2), rec('example.test.', 'A', ['192.0.2.1'], 3)] }
    expect(validateZone(zone)).toEqual([])
  })

  it('positions errors at the offending record', () => {
    const zone: Zone = { origin: 'example.test.', records: [soa, rec('example.test.', 'CNAME', ['x.example.net.'], 9)] }
    const [error] = validateZone(zone)
    expect([error.line, error.column]).toEqual([9, 1])
    expect(error.message).toContain('line 9, column 1: a CNAME cannot be at the zone apex')
  })
})
