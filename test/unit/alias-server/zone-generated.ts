/** Zones for the byte-path tests: what the full parser builds from a text, and seeded generated zones. */
import { join } from 'node:path'
import { compactZone } from '../../../electron/alias-server/compact-zone'
import { parseZone } from '../../../electron/zone'
import { prng } from '../../support/prng'

export const FIXTURES = join(__dirname, '../../fixtures/zones')

/** What the worker builds through the full parser: the compact form, the record count and the aliases. */
export function full(text: string) {
  const { zone, errors } = parseZone(text)
  if (!zone) return { errors }
  const aliases = zone.records.filter((r) => r.type === 'ALIAS' || r.type === 'ANAME').map((r) => ({ name: r.name, target: r.rdata[0] ?? '', line: r.line }))
  return { data: compactZone(zone), records: zone.records.length, aliases }
}

/** A zone with every type the app reads, in the forms people write: relative and absolute names, '@', escapes, comments, parentheses. */
export function generated(seed: number): string {
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


/** A zone in the forms the byte path reads (no escapes, '\n' only, a few other types), with random owners that share prefixes. */
export function generatedPlain(seed: number): string {
  const rand = prng(seed)
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const chars = 'abcAB09-_'
  const word = (): string => Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick([...chars])).join('')
  const lines = ['$ORIGIN plain.test.', rand() < 0.5 ? '$TTL 300' : '', '@ 3600 IN SOA ns1 hostmaster ( 7 ; serial', '  3600 600 86400 60 )', '@ NS ns1', 'ns1 A 192.0.2.53']
  for (let i = 0; i < 200 + Math.floor(rand() * 200); i++) {
    const owner = rand() < 0.1 && i > 0 ? ' ' : pick(['@', 'www', 'WWW', 'a.b', 'x-1', 'plain.test.', 'deep.sub.plain.test.', '_srv._tcp', '*.W', '0/25.rev', word(), `${word()}.${word()}`, `${word()}.b`])
    const ttl = rand() < 0.5 ? ` ${pick(['60', '300', '0', '2147483647', '1h30m', '2D'])}` : ''
    const cls = rand() < 0.5 ? ' IN' : ''
    const head = rand() < 0.5 ? `${owner}${ttl}${cls}` : `${owner}${cls}${ttl}`
    const record = pick([
      () => `A ${pick(['192.0.2.1', '10.0.0.255', '0.0.0.0', '198.51.100.7'])}`,
      () => `aaaa ${pick(['2001:db8::1', '2001:DB8:0:0::53', '::', '::1', '1::', '2001:db8:0:0:1:0:0:1', '0:0:0:0:0:0:0:0', 'fe80:0:0:1:0:0:0:1', 'A:B:C:D:E:F:0:0'])}`,
      () => `NS ${pick(['ns1', 'ns2.example.net.', 'NS3.Example.NET.'])}`,
      () => `MX ${pick(['10', '010', '65535', '0'])} ${pick(['mail', 'mx.example.', 'MX.b'])}`,
      () => `TXT ${pick(['"v=spf1 -all"', 'plain', '"a" "b" "c"', '( "split over" ; comment\n    "two lines" )', '""', '"semi;colon (paren)"'])}`,
      () => `PTR ${pick(['host.example.', 'h'])}`,
      // read by the parser's own per-record code
      () => pick(['SRV 0 1 443 www', 'CAA 0 issue "letsencrypt.org"', 'HTTPS 1 . alpn=h2,h3 ipv4hint=192.0.2.10', 'AAAA ::ffff:192.0.2.1', 'MX 10 @'])
    ])()
    lines.push(`${head} ${record}${rand() < 0.3 ? ' ; a comment' : ''}`)
    if (rand() < 0.03) lines.push(`only${i} ${pick(['CNAME', 'ALIAS', 'ANAME'])} target${i}.example.`)
    if (rand() < 0.03) lines.push(`$ORIGIN ${pick(['sub.plain.test.', 'plain.test.'])}`)
    if (rand() < 0.03) lines.push(`$TTL ${pick(['120', '5m'])}`)
    if (rand() < 0.05) lines.push(rand() < 0.5 ? '' : '; only a comment')
  }
  return lines.join('\n') + '\n'
}
