import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fastCompactZone } from '../../../electron/alias-server/zone-fast-path'
import { parseZone } from '../../../electron/zone'
import { FIXTURES, full, generated } from './zone-generated'

describe('the zone fast path', () => {
  it('gives the very compact form the full parser gives, for every fixture zone it reads', () => {
    let read = 0
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.zone'))) {
      const text = readFileSync(join(FIXTURES, file), 'utf8')
      const fast = fastCompactZone(text)
      const expected = full(text)
      if (!fast) {
        expect(expected.errors, `${file}: the fast path gave up on a zone the parser reads`).toBeDefined()
        continue
      }
      read++
      expect(fast, file).toEqual(expected)
    }
    expect(read).toBeGreaterThanOrEqual(2)
  })

  it('agrees with the full parser on 120 generated zones with every type, directives, escapes, comments and parentheses', () => {
    let read = 0
    for (let seed = 1; seed <= 120; seed++) {
      const text = generated(seed)
      const expected = full(text)
      const fast = fastCompactZone(text)
      if (expected.errors) {
        expect(fast, `seed ${seed}: the fast path read a zone the parser refuses: ${expected.errors[0]?.reason}`).toBeUndefined()
        continue
      }
      expect(fast, `seed ${seed}: the fast path gave up on a valid zone`).toBeDefined()
      expect(fast, `seed ${seed}`).toEqual(expected)
      // byte for byte: the rdata buffers themselves
      expect(Buffer.from(fast!.data.rdata).equals(Buffer.from(expected.data!.rdata)), `seed ${seed}`).toBe(true)
      read++
    }
    // some generated zones break a zone rule (a blank owner after a CNAME): those check the giving up
    expect(read).toBeGreaterThan(60)
  }, 120_000)

  it.each([
    ['a bad address', 'www A 192.0.2.256'],
    ['a bad TTL', 'www 1x A 192.0.2.1'],
    ['an unknown type', 'www FOO bar'],
    ['$INCLUDE', '$INCLUDE other.zone'],
    ['an unknown directive', '$FOO 1'],
    ['a "(" never closed', 'www TXT ( "a"'],
    ['a stray ")"', 'www A 192.0.2.1 )'],
    ['an unterminated string', 'www TXT "open'],
    ['a bad escape', 'www TXT "\\999"'],
    ['a CNAME beside other data', 'www CNAME x.example.\nwww A 192.0.2.1'],
    ['two ALIAS records at one name', '@ ALIAS a.example.\n@ ALIAS b.example.'],
    ['a CNAME at the apex', '@ CNAME x.example.'],
    ['a second SOA', '@ SOA ns1 h 2 1 1 1 1'],
    ['an owner outside the zone', 'www.elsewhere. A 192.0.2.1'],
    ['a class other than IN', 'www CH A 192.0.2.1'],
    ['a quoted owner', '"www" A 192.0.2.1'],
    ['a raw control character in a name', 'w\u0001w A 192.0.2.1']
  ])('gives up on %s, so the full parser reports it with line and column', (_, line) => {
    const text = `$ORIGIN e.test.\n$TTL 60\n@ SOA ns1 hostmaster 1 3600 600 86400 60\n@ NS ns1\n${line}\n`
    expect(fastCompactZone(text)).toBeUndefined()
    const { errors } = parseZone(text)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]!.line).toBeGreaterThanOrEqual(5)
  })

  it('gives up without an SOA, and without a TTL to give a record', () => {
    expect(fastCompactZone('$ORIGIN e.test.\n$TTL 60\n@ NS ns1\n')).toBeUndefined()
    expect(fastCompactZone('$ORIGIN e.test.\nwww A 192.0.2.1\n@ 60 SOA ns1 h 1 1 1 1 1\n')).toBeUndefined()
  })
})
