import { describe, expect, it } from 'vitest'
import type { QueryLogEntry } from '@shared/alias-server'
import { explainEntry } from '../../../../renderer/src/model/lab/explain-entry'
import type { QueryLogRecord } from '@shared/lab-log'
import { LogPages, PAGE_SIZE } from '../../../../renderer/src/model/lab/log-pages'
import { apexAliasTarget, offsetOf, problemsByLine, problemsFromMessage } from '../../../../renderer/src/model/lab/zone-problems'
import { isIpv4, isIpv6, nextAddresses, parseAddressList } from '../../../../renderer/src/model/lab/addresses'

const entry = (extra: Partial<QueryLogEntry> = {}): QueryLogEntry => ({
  time: 1_700_000_000_000,
  client: '127.0.0.1:5000',
  transport: 'udp',
  name: 'example.test.',
  type: 'A',
  rcode: 'NOERROR',
  answer: 'A 192.0.2.10',
  ttl: 60,
  cache: 'hit',
  upstreamRttMs: null,
  truncated: false,
  ...extra
})

describe('problemsFromMessage', () => {
  it('reads every line and column of lab:saveZone’s refusal', () => {
    const message =
      'The zone has 2 errors and was not saved: line 10, column 1: a CNAME cannot be at the zone apex example.test.: it would sit beside the SOA; line 12, column 9: bad address "1.2.3"'
    expect(problemsFromMessage(message)).toEqual([
      { line: 10, column: 1, message: 'a CNAME cannot be at the zone apex example.test.: it would sit beside the SOA' },
      { line: 12, column: 9, message: 'bad address "1.2.3"' }
    ])
  })

  it('stops at the "and N more" tail, and finds nothing in a message without positions', () => {
    expect(problemsFromMessage('The zone has 12 errors and was not saved: line 1, column 2: x; and 2 more')).toEqual([{ line: 1, column: 2, message: 'x' }])
    expect(problemsFromMessage('the lab is shutting down')).toEqual([])
  })
})

describe('zone editor helpers', () => {
  it('offsetOf maps line and column to a character offset, clamped to the line', () => {
    const text = 'ab\ncdef\ng'
    expect(offsetOf(text, 1, 1)).toBe(0)
    expect(offsetOf(text, 2, 3)).toBe(5)
    expect(offsetOf(text, 2, 99)).toBe(7)
    expect(offsetOf(text, 9, 1)).toBe(text.length)
  })

  it('groups problems by line', () => {
    const map = problemsByLine([{ line: 3, column: 1, message: 'a' }, { line: 3, column: 5, message: 'b' }, { line: 1, column: 1, message: 'c' }])
    expect([...map.keys()]).toEqual([3, 1])
    expect(map.get(3)!.map((p) => p.message)).toEqual(['a', 'b'])
  })

  it('finds the apex ALIAS target, relative or absolute, and ignores other owners and comments', () => {
    const zone = '$ORIGIN example.test.\n; @ 60 IN ALIAS commented.test.\nwww 60 IN ALIAS not-apex.test.\n@       60    IN ALIAS cdn.example.test.\n'
    expect(apexAliasTarget(zone, 'example.test.')).toBe('cdn.example.test.')
    expect(apexAliasTarget('example.test. 300 ANAME edge', 'example.test')).toBe('edge.example.test.')
    expect(apexAliasTarget('@ 300 IN A 192.0.2.1', 'example.test.')).toBeUndefined()
  })
})

describe('LogPages', () => {
  const record = (id: number): QueryLogRecord => ({ ...entry({ name: `${id}.` }), id, run: 1 })
  it('hands out each missing page once, and reads rows by index from the newest', () => {
    const pages = new LogPages()
    expect(pages.claim(0, 30)).toEqual([0])
    expect(pages.claim(0, 30)).toEqual([])
    expect(pages.claim(150, PAGE_SIZE + 10)).toEqual([1])
    expect(pages.at(0)).toBeUndefined()
    pages.put(0, Array.from({ length: PAGE_SIZE }, (_, i) => record(1000 - i)))
    expect(pages.at(0)!.id).toBe(1000)
    expect(pages.at(PAGE_SIZE - 1)!.id).toBe(1000 - PAGE_SIZE + 1)
    expect(pages.at(PAGE_SIZE)).toBeUndefined()
    pages.release(1)
    expect(pages.claim(PAGE_SIZE, PAGE_SIZE)).toEqual([1])
    expect(pages.claim(5, 2)).toEqual([])
  })
})

describe('explainEntry', () => {
  it('says what the server did for each cache state', () => {
    expect(explainEntry(entry())).toMatch(/^Synthesised from the cache: .* with TTL 60 s/)
    expect(explainEntry(entry({ cache: 'miss', upstreamRttMs: 3.25 }))).toMatch(/Cache miss: .*asked the upstream \(3\.3 ms\)/)
    expect(explainEntry(entry({ cache: 'stale', ttl: 30 }))).toMatch(/Served stale \(RFC 8767\)/)
    expect(explainEntry(entry({ cache: 'refresh' }))).toMatch(/refreshed ahead/)
    expect(explainEntry(entry({ cache: 'none', name: 'static.example.test.' }))).toMatch(/^Static data/)
    expect(explainEntry(entry({ cache: 'none', answer: '', ttl: 60 }))).toMatch(/^No data/)
    expect(explainEntry(entry({ rcode: 'SERVFAIL', cache: 'miss', ede: { code: 22, text: 'No Reachable Authority' } }))).toMatch(
      /Server failure.*Extended DNS Error 22: No Reachable Authority/
    )
    expect(explainEntry(entry({ truncated: true }))).toMatch(/Truncated \(TC\)/)
  })
})

describe('address lists', () => {
  it('validates IPv4 and IPv6 text', () => {
    expect(['192.0.2.1', '0.0.0.0', '255.255.255.255'].every(isIpv4)).toBe(true)
    expect(['192.0.2', '256.1.1.1', '01.2.3.4', '1.2.3.4.5', 'a.b.c.d'].some(isIpv4)).toBe(false)
    expect(['2001:db8::1', '::', '::1', 'fe80::1:2:3:4', '2001:db8:0:0:0:0:0:1', '::ffff:192.0.2.1'].every(isIpv6)).toBe(true)
    expect(['2001:db8::1::2', '12345::', '2001:db8:0:0:0:0:0:0:1', '1.2.3.4', 'g::1', '2001:db8:0:0:0:0:0'].some(isIpv6)).toBe(false)
  })

  it('parses a typed list, reporting what is not an address of the family', () => {
    expect(parseAddressList('192.0.2.1, 192.0.2.2\n192.0.2.1 nope', 'A')).toEqual({ addresses: ['192.0.2.1', '192.0.2.2'], invalid: ['nope'] })
    expect(parseAddressList('2001:DB8::1 192.0.2.1', 'AAAA')).toEqual({ addresses: ['2001:db8::1'], invalid: ['192.0.2.1'] })
    expect(parseAddressList('   ', 'A')).toEqual({ addresses: [], invalid: [] })
  })

  it('suggests the next set for a rotation', () => {
    expect(nextAddresses(['192.0.2.10', '192.0.2.255'], 'A')).toEqual(['192.0.2.11', '192.0.2.0'])
    expect(nextAddresses(['2001:db8::10', '2001:db8::ffff'], 'AAAA')).toEqual(['2001:db8::11', '2001:db8::0'])
  })
})
