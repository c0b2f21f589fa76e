/**
 * Pins every reader's and writer's exact output (text, warnings with positions, errors) on inputs with
 * odd corners, so that restructuring the converter cannot change a byte unnoticed.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DnsQueryResult } from '@shared/dns'
import { convert, detectFormat, formatLockInReport, lockInReport, readZone, FORMAT_IDS, type ConvertWarning, type FormatId } from '../../../electron/convert'
import { FIXTURES } from './helpers'

const input = (dir: string, name: string): string => readFileSync(resolve(FIXTURES, dir, name), 'utf8')

/** [snapshot name, format, text, origin] */
const SOURCES: [string, FormatId, string, string][] = [
  ['rich.zone', 'bind', input('pin-inputs', 'rich.zone'), 'example.test'],
  ['portable.zone', 'bind', input('.', 'portable.zone'), 'example.test'],
  ['cli53.zone', 'route53-text', input('pin-inputs', 'cli53.zone'), 'example.test'],
  ['cloudflare.txt', 'cloudflare', input('pin-inputs', 'cloudflare.txt'), 'example.test'],
  ['extra.json', 'route53', input('pin-inputs', 'extra.json'), 'example.test'],
  ['extra.yaml', 'octodns', input('pin-inputs', 'extra.yaml'), 'example.test'],
  ['extra.js', 'dnscontrol', input('pin-inputs', 'extra.js'), 'example.test'],
  ['golden-aname.zone', 'aname', input('golden', 'aname.zone'), 'example.com'],
  ['golden-route53-list.json', 'route53', input('golden', 'route53-list.json'), 'example.com']
]

const NOW = Date.UTC(2026, 0, 1)

/** A resolver that answers from the name: 'v4' targets have no AAAA (NODATA with an SOA), 'nx' ones do not exist. */
async function fakeQuery(name: string, type: 'A' | 'AAAA'): Promise<DnsQueryResult> {
  const rcode = name.startsWith('nx') ? 'NXDOMAIN' : 'NOERROR'
  const answer =
    type === 'A'
      ? [
          { name, type: 'CNAME', ttl: 500, data: `edge.${name}` },
          { name: `edge.${name}`, type: 'A', ttl: 120, data: '198.51.100.1' },
          { name: `edge.${name}`, type: 'A', ttl: 90, data: '198.51.100.2' }
        ]
      : name.includes('v4')
        ? []
        : [{ name, type: 'AAAA', ttl: 45, data: '2001:db8:f::1' }]
  const authority = answer.length ? [] : [{ name: 'test.', type: 'SOA', ttl: 900, data: 'ns. h. 1 2 3 4 30' }]
  return { header: { rcode }, answer, authority } as unknown as DnsQueryResult
}

const warningText = (ws: ConvertWarning[]): string => ws.map((w) => `warning ${w.line}:${w.column} ${w.record}: ${w.message}`).join('\n')
const errorText = (e: unknown): string => `error ${(e as Error).name}: ${(e as Error).message}`

async function converted(text: string, from: FormatId, to: FormatId, withResolver: boolean, origin = 'example.test'): Promise<string> {
  try {
    const resolver = withResolver ? { transport: 'udp' as const, host: '192.0.2.53', port: 53 } : undefined
    const out = await convert(text, { from, to, file: 'in', origin, ...(resolver ? { resolver, query: fakeQuery } : {}), now: () => NOW })
    return [out.text, warningText(out.warnings), ...out.summary.map((s) => `summary ${s}`), `origin ${out.origin}`].join('\n')
  } catch (e) {
    return errorText(e)
  }
}

describe('pinned conversions', () => {
  it.each(SOURCES)('%s', async (name, from, text, origin) => {
    const parts: string[] = [`# detect: ${JSON.stringify(detectFormat(text))}`]
    const read = await readZone(text, from, { file: 'in', origin })
    parts.push('# read', ...read.zone.records.map((r) => JSON.stringify(r)), warningText(read.warnings))
    parts.push('# lock-in', formatLockInReport(lockInReport(read.zone), read.zone.origin))
    // the sandbox is a child process per read: one conversion from dnscontrol is enough
    const targets = from === 'dnscontrol' ? (['bind'] as FormatId[]) : FORMAT_IDS
    for (const to of targets) {
      parts.push(`# to ${to}`, await converted(text, from, to, true, origin))
      if (to !== 'bind') parts.push(`# to ${to} without a resolver`, await converted(text, from, to, false, origin))
    }
    await expect(parts.join('\n') + '\n').toMatchFileSnapshot(resolve(FIXTURES, 'pinned', `${name}.txt`))
  })
})

/** [format, input] of inputs each reader refuses; the messages, positions included, are pinned. */
const HEAD = '$ORIGIN example.test.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n'
const BAD: [FormatId, string][] = [
  ['bind', `${HEAD}www IN A 192.0.2.300\nx IN MX ten mail\n`],
  ['bind', `${HEAD}@ IN CNAME target.test.\n`],
  ['bind', `${HEAD}@ 60 AWS ALIAS A cdn.test. Z1 true\n`],
  ['route53-text', `${HEAD}@ A ALIAS\n`],
  ['route53-text', `${HEAD}@ AWS ALIAS MX cdn.test.\n`],
  ['route53-text', `${HEAD}@ A ALIAS one.test.\n@ AAAA ALIAS two.test.\n`],
  ['cloudflare', `${HEAD}@ IN CNAME t.test.\n@ IN AAAA 2001:db8::1\n`],
  ['cloudflare', 'www IN A 192.0.2.1\n'],
  ['route53', '[1, 2]'],
  ['route53', '{ "Changes": [ 7 ] }'],
  ['route53', '{ "Changes": [ { "Action": "UPSERT", "ResourceRecordSet": 3 } ] }'],
  ['route53', '{ "ResourceRecordSets": [ { "Name": "a.example.test.", "Type": "A" } ] }'],
  ['route53', '{ "ResourceRecordSets": [ { "Name": "a.example.test.", "Type": "A", "TTL": 5, "ResourceRecords": [] } ] }'],
  ['route53', '{ "ResourceRecordSets": [ { "Name": "a.example.test.", "Type": "A", "TTL": 5, "ResourceRecords": [ { "V": 1 } ] } ] }'],
  ['route53', '{ "ResourceRecordSets": [ { "Name": "a.example.test.", "Type": "CNAME", "AliasTarget": { "DNSName": "x." } } ] }'],
  ['route53', '{ "ResourceRecordSets": [ { "Name": "a.example.test.", "Type": "A", "AliasTarget": {} } ] }'],
  ['route53', '{ "ResourceRecordSets": [ { "Name": "a.example.test.", "Type": "A", "AliasTarget": { "DNSName": "x." } }, { "Name": "a.example.test.", "Type": "AAAA", "AliasTarget": { "DNSName": "y." } } ] }'],
  ['route53', '{ "ResourceRecordSets": [ { "Name": "a b.example.test.", "Type": "A", "TTL": 5, "ResourceRecords": [ { "Value": "192.0.2.1" } ] } ] }'],
  ['octodns', '- 1\n'],
  ['octodns', 'www:\n  ttl: 5\n'],
  ['octodns', 'www:\n  type: A\n  ttl: soon\n  value: 192.0.2.1\n'],
  ['octodns', 'www:\n  type: A\n'],
  ['octodns', 'www:\n  type: TXT\n  value: [1]\n'],
  ['octodns', 'www:\n  type: MX\n  value: mail\n'],
  ['octodns', 'www:\n  type: A\n  value: { a: 1 }\n'],
  ['octodns', 'a: &a [*a]\n'],
  ['octodns', 'spf:\n  type: SPF\n  value: v=spf1 -all\n'],
  ['dnscontrol', 'var x = 1;\n'],
  ['dnscontrol', 'D("a.test", NewRegistrar("n"));\nD("b.test", NewRegistrar("n"));\n'],
  ['dnscontrol', 'D("example.test", NewRegistrar("n"), DefaultTTL("soon"));\n'],
  ['dnscontrol', 'D("example.test", NewRegistrar("n"), TTL(5));\n'],
  ['dnscontrol', 'D("example.test", NewRegistrar("n"),\n  A("", "192.0.2.1"),\n);\n'],
  ['dnscontrol', 'D("example.test", NewRegistrar("n"),\n  A("www", "192.0.2.1", "x"),\n);\n'],
  ['dnscontrol', 'D("example.test", NewRegistrar("n"),\n  A("www", "192.0.2.1", R53_ZONE("z"), NewRegistrar("q")),\n);\n'],
  ['dnscontrol', 'D("example.test", NewRegistrar("n"),\n  R53_ALIAS("www", "MX", "t."),\n);\n'],
  ['dnscontrol', 'D("example.test", NewRegistrar("n"),\n  CAA("@", "issue", 5),\n);\n'],
  ['dnscontrol', 'D("example.test", NewRegistrar("n"),\n  TXT("@", []),\n);\n'],
  ['dnscontrol', 'D("example.test", NewRegistrar("n"),\n  A("www", D("x")),\n);\n'],
  ['dnscontrol', 'D("example.test", NewRegistrar("n"),\n  A("www", "300.1.1.1"),\n  SRV("s", 1, 2, "p", "t")\n);\n'],
  ['flat', `${HEAD}www A 192.0.2.1\n`]
]

describe('pinned errors', () => {
  it('every reader names the problem and where it is', async () => {
    const lines: string[] = []
    for (const [format, text] of BAD) {
      const result = await readZone(text, format, { file: 'in', origin: format === 'dnscontrol' && text.includes('b.test') ? undefined : 'example.test' }).then(
        (r) => `ok ${r.zone.records.length} records`,
        errorText
      )
      lines.push(`${format} ${JSON.stringify(text)}`, result)
    }
    lines.push('flatten failure', await converted(`${HEAD}@ NS ns1\n@ ALIAS nx.test.\nns1 A 192.0.2.1\n`, 'bind', 'flat', true))
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot(resolve(FIXTURES, 'pinned', 'errors.txt'))
  }, 60_000)
})
