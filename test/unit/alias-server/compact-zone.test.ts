import { describe, expect, it } from 'vitest'
import { compactZone, wireRdata } from '../../../electron/alias-server/compact-zone'
import { CompiledZone } from '../../../electron/alias-server/zone-set'
import { recordRdata } from '../../../electron/alias-server/wire/rdata'
import { parseZone, typeCode } from '../../../electron/zone'

const TEXT = [
  '$ORIGIN c.test.',
  '@ 3600 IN SOA ns1 hostmaster 1 3600 600 86400 60',
  '@ 3600 IN NS ns1',
  'ns1 300 IN A 192.0.2.1',
  'ns1 300 IN AAAA 2001:db8::1',
  'www 300 IN CNAME ns1',
  'mail 300 IN MX 10 mx.example.',
  'txt 300 IN TXT "plain" "with \\"quote\\" and \\\\" "é ü" "\\000\\255"',
  'ptr 300 IN PTR host.example.',
  '@ 300 IN ALIAS cdn.example.',
  'x 300 IN TYPE65000 \\# 3 010203',
  'srv 300 IN SRV 1 2 3 t.example.',
  'a.b.deep 300 IN A 192.0.2.9'
].join('\n')

describe('the compact zone', () => {
  it('encodes every record exactly as the general encoder does', () => {
    const { zone, errors } = parseZone(TEXT)
    expect(errors).toEqual([])
    for (const record of zone!.records) {
      expect(Buffer.from(wireRdata(typeCode(record.type)!, record)).toString('hex'), `${record.name} ${record.type}`).toBe(recordRdata(record).toString('hex'))
    }
  })

  it('groups records by owner and builds the same RRsets, empty non-terminals included', () => {
    const zone = parseZone(TEXT).zone!
    const data = compactZone(zone)
    const owners = Array.from({ length: data.ownerStart.length - 1 }, (_, i) => data.ownerText.slice(data.ownerStart[i], data.ownerStart[i + 1]))
    expect(owners).toEqual([...owners].sort())
    expect(owners).toContain('ns1.c.test.')
    expect(data.emptyNonTerminals).toEqual(['b.deep.c.test.', 'deep.c.test.'])
    expect(data.nodeStart.at(-1)).toBe(zone.records.length)
    const compiled = new CompiledZone(data)
    expect(compiled.size).toBe(zone.records.length)
    const ns1 = compiled.node('ns1.c.test.')!
    expect([...ns1.keys()].sort()).toEqual([1, 28])
    expect(ns1.get(1)!.texts).toEqual(['192.0.2.1'])
    expect(compiled.node('txt.c.test.')!.get(16)!.records[0]!.rdata).toHaveLength(4)
    expect(compiled.negativeTtl).toBe(60)
    expect(compiled.lookupWildcard('b.deep.c.test.')).toMatchObject({ exists: false, emptyNonTerminal: true })
    expect(compiled.lookupWildcard('nope.c.test.')).toMatchObject({ exists: false, closestEncloser: 'c.test.', wildcardOwner: null })
  })
})
