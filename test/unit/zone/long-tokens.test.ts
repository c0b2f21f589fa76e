import { describe, expect, it } from 'vitest'
import { clipTokens } from '@shared/clip-text'
import { ServiceError } from '@shared/errors'
import { parseZone } from '../../../electron/zone'

const HEAD = '$ORIGIN t.\n@ 300 IN SOA ns h 1 1 1 1 1\n'
const BIG = 'a'.repeat(5_000_000)

describe('long tokens in error messages', () => {
  it('clips a 5 MB token in every position of a record to a short, positioned message', () => {
    for (const line of [`www 300 IN A ${BIG}`, `${BIG} 300 IN A 192.0.2.1`, `www ${BIG} IN A 192.0.2.1`, `www 300 IN ${BIG} 192.0.2.1`]) {
      const { errors } = parseZone(`${HEAD}${line}\n`)
      expect(errors.length).toBeGreaterThan(0)
      for (const e of errors) {
        expect(e.message.length).toBeLessThan(600)
        expect(e.message).toMatch(/^line 3, column \d+: /)
      }
      expect(errors.map((e) => e.message).join('\n')).toMatch(/…\(500000\d characters\)…/)
    }
  })

  it('keeps short tokens whole and clips only the long ones', () => {
    expect(clipTokens('"300x" is not a TTL')).toBe('"300x" is not a TTL')
    const clipped = clipTokens(`bad ${'b'.repeat(1000)}z here`)
    expect(clipped).toMatch(/^bad b{180}…\(1001 characters\)…b{7}z here$/)
    // Already shortened quotes (a few dozen characters) pass through untouched.
    expect(clipTokens(`"tls://${'a'.repeat(74)}…": not a resolver`)).toBe(`"tls://${'a'.repeat(74)}…": not a resolver`)
    expect(new ServiceError('bad-input', `name ${'x'.repeat(100_000)} is too long`).message.length).toBeLessThan(300)
  })
})
