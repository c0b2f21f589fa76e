import { describe, expect, it } from 'vitest'
import { presentRdata } from '../../../electron/dns/rdata/present'
import { locKnotText, type LocFields } from '../../../electron/dns/rdata/loc'

/**
 * Wire data of LOC records as Knot encodes them; the expected strings are what dig 9.18 (`+short`)
 * and kdig 3.2 (`+json`) print for them (the integration test compares with both live).
 */
const cases = [
  // 52 22 23 N 4 53 32 E -2m 0m 10000m 10m
  { hex: '000016138B3CF018810CBCE0009895B8', dig: '52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m', kdig: '52 22 23 N  4 53 32 E  -2m  0m 10000m 10m' },
  // 1 2 3.5 N 4 5 6.25 W 12.34m 0.5m 20m 0.01m
  { hex: '005123108038D0EC7F1F99B600989B52', dig: '1 2 3.500 N 4 5 6.250 W 12.34m 0.50m 20m 0.01m', kdig: '1 2 3.500 N  4 5 6.250 W  12.34m  0.50m 20m 0.01m' },
  // 90 0 0 S 180 0 0 E -100000m 90000000m 90000000m 90000000m
  { hex: '009999996CB02700A69FB20000000000', dig: '90 0 0.000 S 180 0 0.000 E -100000.00m 90000000m 90000000m 90000000m', kdig: '90 0 0 S  180 0 0 E  -100000m  90000000m 90000000m 90000000m' },
  // 89 59 59.999 N 179 59 59.999 W 42849672.95m 1m 0m 0.07m
  { hex: '00120070934FD8FF59604E01FFFFFFFF', dig: '89 59 59.999 N 179 59 59.999 W 42849672.95m 1m 0.00m 0.07m', kdig: '89 59 59.999 N  179 59 59.999 W  42849672.95m  1m 0m 0.07m' }
]

describe('LOC (RFC 1876)', () => {
  it.each(cases)('$dig', (c) => {
    const wire = Buffer.from(c.hex, 'hex')
    const presented = presentRdata(wire, 29, 0, wire.length)
    expect(presented.data).toBe(c.dig)
    expect(locKnotText(presented.fields as unknown as LocFields)).toBe(c.kdig)
  })

  it('shows a LOC it cannot read in the RFC 3597 form, with the reason', () => {
    const version1 = Buffer.from('010016138B3CF018810CBCE0009895B8', 'hex')
    expect(presentRdata(version1, 29, 0, 16)).toMatchObject({ data: `\\# 16 ${version1.toString('hex').toUpperCase()}`, fields: { malformed: expect.stringMatching(/version 1/) } })
    const badSize = Buffer.from('00A016138B3CF018810CBCE0009895B8', 'hex')
    expect(presentRdata(badSize, 29, 0, 16).fields?.malformed).toMatch(/size/)
    const short = Buffer.from('0000161380000000', 'hex')
    expect(presentRdata(short, 29, 0, 8).fields?.malformed).toMatch(/too short/)
    const pole = Buffer.from('00121213' + 'FFFFFFFF' + '80000000' + '00989680', 'hex')
    expect(presentRdata(pole, 29, 0, 16).fields?.malformed).toMatch(/latitude/)
  })
})
