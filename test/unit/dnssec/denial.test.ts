import { describe, expect, it } from 'vitest'
import { compareNames, sortRdata } from '../../../electron/dnssec/canonical'
import { addToHash, coveringNsec, nsec3Hash, typeBitmap } from '../../../electron/dnssec/denial'
import { base32hex } from '../../../electron/dns/rdata/text'
import { keyTag } from '../../../electron/dnssec/keys'
import { nameToWire } from '../../../electron/dns/names'

const cmp = (a: string, b: string): number => Math.sign(compareNames(nameToWire(a), nameToWire(b)))

describe('canonical order (RFC 4034 §6.1 example)', () => {
  it('sorts the RFC example names', () => {
    const ordered = ['example.', 'a.example.', 'yljkjljk.a.example.', 'z.a.example.', 'zabc.a.example.', 'z.example.', '\\001.z.example.', '*.z.example.', '\\200.z.example.']
    const shuffled = [...ordered].reverse()
    expect(shuffled.sort(cmp)).toEqual(ordered)
  })

  it('drops duplicate RDATA and sorts as octet strings', () => {
    expect(sortRdata([Buffer.from([2]), Buffer.from([1, 5]), Buffer.from([2])])).toEqual([Buffer.from([1, 5]), Buffer.from([2])])
  })
})

describe('NSEC around a name (RFC 4470)', () => {
  it('covers the name and nothing beside it', () => {
    const { owner, next } = coveringNsec('www.example.test.')
    expect(cmp(owner, 'www.example.test.')).toBe(-1)
    expect(compareNames(nameToWire('www.example.test.'), next)).toBeLessThan(0)
    // an existing neighbour stays outside the range
    expect(cmp(owner, 'wwv.example.test.')).toBe(1)
    expect(compareNames(next, nameToWire('wwwa.example.test.'))).toBeLessThan(0)
    expect(nameToWire(owner).length).toBeLessThanOrEqual(255)
  })
})

describe('NSEC3 and bitmaps', () => {
  it('hashes owner names with SHA-1, no salt, no extra iteration, in base32hex (RFC 5155 §5)', () => {
    // from Python's hashlib.sha1(b'\x07example\x00') and base64.b32hexencode
    expect(base32hex(nsec3Hash('example.'))).toBe('3msev9usmd4br9s97v51r2tdvmr9iqo1')
    expect(addToHash(Buffer.from([0x00, 0xff]), 1)).toEqual(Buffer.from([0x01, 0x00]))
    expect(addToHash(Buffer.from([0x01, 0x00]), -1)).toEqual(Buffer.from([0x00, 0xff]))
  })

  it('encodes the RFC 4034 §4.3 type bitmap example', () => {
    // A MX RRSIG NSEC TYPE1234
    expect(typeBitmap([1, 15, 46, 47, 1234]).toString('hex')).toBe('0006400100000003' + '041b000000000000000000000000000000000000000000000000000020')
  })

  it('computes RFC 4034 key tags (Appendix B) as delv reports them', () => {
    // delv printed "key id = 50864" for this DNSKEY
    const key = 'twl2qbKfsekhQSEbRe2+t3i1ISsSd5bXwxQiUXY0e6Un4kYvcnZu/o37nU/iD3ir0e4BZlIg34HZM9fmHG8m6A=='
    expect(keyTag(Buffer.concat([Buffer.from([1, 1, 3, 13]), Buffer.from(key, 'base64')]))).toBe(50864)
  })
})
