import { describe, expect, it } from 'vitest'
import { parseZone, serializeZone } from '../../../electron/zone'

const HEAD = '$ORIGIN t.\n@ 300 IN SOA ns h 1 1 1 1 1\n'

describe('control bytes in names', () => {
  it('refuses a raw NUL in an owner name, naming it escaped and saying how to write it', () => {
    const { zone, errors } = parseZone(`${HEAD}a\u0000b 300 IN A 192.0.2.1\n`)
    expect(zone).toBeUndefined()
    expect(errors.map((e) => e.message)).toEqual(['line 3, column 1: owner name: "a\\000b" has a raw control character (0x00) at character 2; write it escaped, as \\000'])
  })

  it('refuses other raw controls (BEL, DEL) in owner and target names, even after a backslash', () => {
    for (const line of ['x 300 IN CNAME a\u0007b', 'd\u007fel 300 IN A 192.0.2.1', 'e\\\u0001 300 IN A 192.0.2.1']) {
      const { errors } = parseZone(`${HEAD}${line}\n`)
      expect(errors).toHaveLength(1)
      expect(errors[0]!.message).toMatch(/has a raw control character \(0x(07|7f|01)\)/)
    }
  })

  it('accepts the escaped form and keeps it through a round trip', () => {
    const { zone, errors } = parseZone(`${HEAD}a\\000b 300 IN A 192.0.2.1\n`)
    expect(errors).toEqual([])
    const text = serializeZone(zone!)
    expect(text).toContain('a\\000b')
    expect(parseZone(text).errors).toEqual([])
  })
})
