import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compactZone } from '../../../electron/alias-server/compact-zone'
import { fastCompactZone } from '../../../electron/alias-server/zone-fast-path'
import { parseZone } from '../../../electron/zone'

const FIXTURES = join(__dirname, '../../fixtures/zones')

/** What the worker builds through the full parser: the compact form, the record count and the aliases. */
function full(text: string) {
  const { zone, errors } = parseZone(text)
  if (!zone) return { errors }
  const aliases = zone.records.filter((r) => r.type === 'ALIAS' || r.type === 'ANAME').map((r) => ({ name: r.name, target: r.rdata[0] ?? '', line: r.line }))
  return { data: compactZone(zone), records: zone.records.length, aliases }
}

/** mulberry32, seeded: a failing zone can be rebuilt from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A zone with every type the app reads, in the forms people write: relative and absolute names, '@', escapes, comments, parentheses. */
function generated(seed: number): string {
  const rand = prng(seed)
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const nl = rand() < 0.2 ? '\r\n' : '\n'
  const lines = ['; generated', '$ORIGIN gen.test.', rand() < 0.7 ? '$TTL 1h' : '', '@ IN SOA ns1 hostmaster ( 2024 ; serial', '  2h 15m 2w', '  300 )', '@ NS ns1', 'ns1 A 192.0.2.53']
  const owners = ['@', 'www', 'WWW', 'Mail', 'a.b', 'x-1', 'gen.test.', 'deep.sub.gen.test.', '*.wild', 'esc\\.dot', 'caf\\195\\169', '_srv._tcp']
  let cname = 0
  for (let i = 0; i < 40 + Math.floor(rand() * 60); i++) {
    const blank = rand() < 0.15 && i > 0
    const owner = blank ? ' ' : pick(owners)
    const ttl = rand() < 0.5 ? ` ${pick(['60', '300', '1h30m', '2d'])}` : ''
    const cls = rand() < 0.5 ? ' IN' : ''
    const head = rand() < 0.5 ? `${owner}${ttl}${cls}` : `${owner}${cls}${ttl}`
    const record = pick([
      () => `A ${pick(['192.0.2.1', '10.0.0.255', '198.51.100.7'])}`,
      () => `aaaa ${pick(['2001:db8::1', '2001:DB8:0:0::53', '::ffff:192.0.2.1', '2001:db8:cd::7'])}`,
      () => `NS ${pick(['ns1', 'ns2.example.net.', 'NS3.Example.NET.'])}`,
      () => `MX ${pick(['10', '010', '65535'])} ${pick(['mail', 'mx.example.', '@'])}`,
      () => `TXT ${pick(['"v=spf1 -all"', 'plain', '"a" "b" "c"', '( "split over" ; comment\n    "two lines" )', '"esc \\"q\\" \\\\ \\009"', '""', '"caf\\195\\169"'])}`,
      () => `PTR ${pick(['host.example.', 'h'])}`,
      () => `SRV 0 1 443 ${pick(['www', 'target.example.'])}`,
      () => `CAA 0 issue "letsencrypt.org"`,
      () => `HTTPS 1 . alpn=h2,h3 ipv4hint=192.0.2.10`,
      () => `SVCB 1 svc alpn="h2,http/1.1" port=8443 mandatory=alpn`,
      () => `TYPE65534 \\# 4 DEADBEEF`,
      () => `${pick(['ALIAS', 'ANAME'])} cdn-${i}.example.`,
      () => `CNAME target${i}.example.`
    ])()
    // CNAME and ALIAS go on owners of their own, so the zone stays valid
    if (record.startsWith('CNAME') || record.startsWith('ALIAS') || record.startsWith('ANAME')) {
      lines.push(`only${cname++}${ttl}${cls} ${record}${rand() < 0.3 ? ' ; a comment' : ''}`)
    } else lines.push(`${head} ${record}${rand() < 0.3 ? ' ; a comment' : ''}`)
    if (rand() < 0.05) lines.push(`$ORIGIN ${pick(['sub.gen.test.', 'gen.test.', 'other'])}`)
    if (rand() < 0.05) lines.push(`$TTL ${pick(['120', '5m'])}`)
    if (rand() < 0.05) lines.push('')
  }
  return lines.join(nl) + nl
}

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
