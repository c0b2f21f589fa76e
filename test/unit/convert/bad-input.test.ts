import { describe, expect, it } from 'vitest'
import { ConvertError, ConvertErrors, readZone, type FormatId } from '../../../electron/convert'

const HEAD = '$ORIGIN example.test.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n'

/** [format, input, line, column, part of the message] */
const CASES: [FormatId, string, number, number, RegExp][] = [
  ['bind', `${HEAD}www IN A 192.0.2.300\n`, 4, 10, /not an IPv4 address/],
  ['bind', `${HEAD}@ IN CNAME target.test.\n`, 4, 1, /cloudflare format reads an apex CNAME/],
  ['aname', `${HEAD}@ IN ANAME\n`, 4, 6, /ANAME takes 1 field/],
  ['bind', `${HEAD}@ 60 A ALIAS cdn.test.\n`, 4, 14, /A takes 1 field.*\(the route53-text format reads "A ALIAS" and cli53's "AWS ALIAS"\)$/],
  ['route53-text', `${HEAD}@ A ALIAS one.test.\n@ AAAA ALIAS two.test.\n`, 5, 1, /points at two\.test\./],
  ['cloudflare', `${HEAD}@ IN CNAME t.test.\n@ IN A 192.0.2.1\n`, 4, 1, /Cloudflare does not accept an apex CNAME beside the A record at line 5/],
  ['route53', '{\n  "Changes": [\n    { "Action": "UPSERT", "ResourceRecordSet": { "Name": "x.example.test.", "Type": "A", "TTL": 60, "ResourceRecords": [{ "Value": "nope" }] } }\n  ]\n}\n', 3, 121, /not an IPv4 address/],
  ['route53', '{\n  "Changes": [\n    { "Action": "UPSERT" ,, }\n  ]\n}\n', 3, 27, /not valid JSON/],
  ['route53', '{\n  "ResourceRecordSets": [\n    { "Name": "w.example.test.", "Type": "A", "TTL": 60, "SetIdentifier": "eu", "Weight": 1, "ResourceRecords": [{ "Value": "192.0.2.1" }] }\n  ]\n}\n', 3, 75, /routing policy/],
  ['octodns', "'':\n  - type: MX\n    value:\n      exchange: mail.example.test.\n", 4, 7, /has no preference/],
  ['octodns', "www:\n  type: A\n  value: [1, 2\n", 4, 1, /not valid YAML/],
  ['octodns', "www:\n  type: LOC\n  value: x\n", 2, 9, /LOC is not converted/],
  ['dnscontrol', 'D("example.test", NewRegistrar("none"),\n  A("www", "192.0.2.1"),\n  NAPTR("x", 1)\n);\n', 3, 3, /NAPTR is not defined.*supported subset/],
  ['dnscontrol', 'D("example.test", NewRegistrar("none"),\n  MX("@", "ten", "mail.")\n);\n', 2, 3, /MX: the priority must be a number/],
  ['dnscontrol', 'D("example.test",\n  A("www" "192.0.2.1"));\n', 2, 5, /syntax error/]
]

describe('bad input gives a located error', () => {
  it.each(CASES)('%s: %j', async (format, text, line, column, message) => {
    const err = await readZone(text, format, { file: 'input', origin: 'example.test' }).then(
      () => null,
      (e: unknown) => e
    )
    const first = err instanceof ConvertErrors ? err.errors[0] : err
    expect(first).toBeInstanceOf(ConvertError)
    const e = first as ConvertError
    expect(e.reason).toMatch(message)
    expect([e.file, e.line, e.column]).toEqual(['input', line, column])
    expect(e.message).toBe(`input:${line}:${column}: ${e.reason}`)
  })
})
