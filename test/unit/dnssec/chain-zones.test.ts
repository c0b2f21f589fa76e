import { describe, expect, it } from 'vitest'
import { parseZone } from '../../../electron/zone'
import { dsRdataText, dsWire, rootZoneText, tldOf, tldZoneText } from '../../../electron/dnssec/chain-zones'

const DS = 'example.test. IN DS 4242 13 2 ' + 'AB'.repeat(32)

describe('trust chain zone texts', () => {
  it('reads a DS from a whole line or its RDATA, and refuses anything else', () => {
    expect(dsRdataText(DS)).toBe(`4242 13 2 ${'AB'.repeat(32)}`)
    expect(dsRdataText(`4242 13 2 ${'AB'.repeat(32)}`)).toBe(`4242 13 2 ${'AB'.repeat(32)}`)
    expect(dsWire(DS).subarray(0, 4)).toEqual(Buffer.from([0x10, 0x92, 13, 2]))
    expect(() => dsRdataText('example.test. IN A 192.0.2.1')).toThrow('not a DS record')
  })

  it('names the TLD of a zone one label below it, and refuses a TLD itself', () => {
    expect(tldOf('Example.TEST')).toBe('test.')
    expect(() => tldOf('test.')).toThrow('one label below a TLD')
  })

  it('writes a root and a TLD that parse, with glue only below the delegated zone', () => {
    const root = parseZone(rootZoneText([{ tld: 'test.', address: '127.53.0.2', ds: [DS.replace('example.test.', 'test.')] }], '127.53.0.1'))
    expect(root.errors).toEqual([])
    const tld = tldZoneText('test.', '127.53.0.2', [{ origin: 'example.test.', ds: [DS], nameServers: [{ name: 'ns1.example.test.', address: '127.0.0.1' }, { name: 'ns.elsewhere.example.', address: '192.0.2.9' }] }])
    expect(parseZone(tld).errors).toEqual([])
    expect(tld).toContain('ns1.example.test. 172800 IN A 127.0.0.1')
    expect(tld).not.toContain('192.0.2.9')
    expect(tld).toContain(`example.test. 86400 IN DS 4242 13 2`)
  })
})
