import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DnsQueryResult, QueryOptionsInput } from '@shared/dns'
import { query } from '../../../electron/dns'
import { digRdata } from '../../../electron/format/dig-rdata'
import { formatDigText } from '../../../electron/format/dig-text'
import { toRfc8427, type Rfc8427Record } from '../../../electron/format/rfc8427-json'
import { zoneText } from '../../fixtures/zones'
import { ParityReport } from '../../support/parity/report'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { requireTool } from '../../../scripts/peers/require-tool'

/**
 * Our text, +short and +json output beside dig 9.18's and kdig 3.2's, for the same questions to the
 * same Knot server: a zone Knot signs on load, with DNS cookies on (mod-cookies). Every row must be
 * identical, or differ only as test/support/parity/allow-list.ts documents. The table is written to
 * test-results/parity/dig-kdig.md.
 */

const run = promisify(execFile)
const ORIGIN = 'fidelity.test.'
const root = resolve(__dirname, '../../..')

const cases: Array<{ name: string; type: string }> = [
  { name: 'fidelity.test', type: 'DNSKEY' },
  { name: 'fidelity.test', type: 'SSHFP' },
  { name: 'rsa.fidelity.test', type: 'DNSKEY' },
  { name: 'rsa.fidelity.test', type: 'CDNSKEY' },
  { name: 'rsa.fidelity.test', type: 'CDS' },
  { name: 'sub.fidelity.test', type: 'DS' },
  { name: '_443._tcp.fidelity.test', type: 'TLSA' },
  { name: '_443._tcp.fidelity.test', type: 'SMIMEA' },
  { name: 'pgp.fidelity.test', type: 'OPENPGPKEY' },
  { name: 'dhcid.fidelity.test', type: 'DHCID' },
  { name: 'zmd.fidelity.test', type: 'ZONEMD' },
  { name: 'a-very-long-owner-name-that-runs-past-the-columns.fidelity.test', type: 'DNSKEY' },
  { name: 'loc.fidelity.test', type: 'LOC' },
  { name: 'loc2.fidelity.test', type: 'LOC' },
  { name: 'loc3.fidelity.test', type: 'LOC' },
  { name: 'loc4.fidelity.test', type: 'LOC' },
  { name: 'esc\\.dot.fidelity.test', type: 'A' },
  { name: 'sp\\032ace.fidelity.test', type: 'A' },
  { name: 'q\\"uote.fidelity.test', type: 'TXT' },
  { name: 'unknown.fidelity.test', type: 'TYPE65534' },
  { name: 'long.fidelity.test', type: 'TYPE65000' },
  { name: 'empty.fidelity.test', type: 'TYPE65000' },
  { name: 'eui.fidelity.test', type: 'EUI48' },
  { name: 'txt.fidelity.test', type: 'TXT' },
  { name: 'txt2.fidelity.test', type: 'TXT' }
]

let knot: KnotServer
const report = new ParityReport(
  'dig-kdig.md',
  'Query output beside dig 9.18 and kdig 3.2',
  'Same question, same Knot server (zone signed on load, DNS cookies on), DO set. Text rows compare the ANSWER ' +
    "section lines; +short rows the whole output; +json rows each answer record's NAME, TTL, TYPEname and RDATA " +
    '(`rdata<TYPE>`, `-` for unknown types) and, after `|`, RDLENGTH and RDATAHEX. Produced by test/integration/dns/fidelity.test.ts.'
)

async function tool(command: string, pkg: string, args: string[]): Promise<string> {
  const { stdout } = await run(requireTool(command, pkg), args, { timeout: 10_000 })
  return stdout
}

const dig = (...args: string[]) => tool('dig', 'bind9-dnsutils', ['@127.0.0.1', '-p', String(knot.port), '+time=2', '+tries=1', ...args])
const kdig = (...args: string[]) => tool('kdig', 'knot-dnsutils', ['@127.0.0.1', '-p', String(knot.port), '+timeout=2', '+retry=0', ...args])

function ask(name: string, type: string, options: QueryOptionsInput = {}): Promise<DnsQueryResult> {
  return query({
    name,
    type,
    resolver: { transport: 'udp', host: '127.0.0.1', port: knot.port },
    options: { rd: false, dnssecOk: true, timeoutMs: 2000, retries: 1, ...options }
  })
}

function section(text: string, name: string): string {
  return new RegExp(`;; ${name} SECTION:\\n([\\s\\S]*?)\\n\\n`).exec(text)?.[1] ?? ''
}

type JsonRecord = Partial<Rfc8427Record> & { NAME: string; TTL?: number; TYPEname: string; RDLENGTH?: number; RDATAHEX?: string }

function jsonLines(records: readonly JsonRecord[] | undefined): string {
  return (records ?? [])
    .filter((r) => r.TYPEname !== 'OPT')
    .map((r) => `${r.NAME} ${r.TTL} ${r.TYPEname} ${r[`rdata${r.TYPEname}`] ?? '-'} | ${r.RDLENGTH} ${r.RDATAHEX ?? ''}`)
    .join('\n')
}

beforeAll(async () => {
  knot = await startKnot({ zones: { [ORIGIN]: zoneText('fidelity.test') }, dnssec: true, cookies: true })
  // signing happens at load; wait until the apex DNSKEY comes with its RRSIG
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const keys = await ask('fidelity.test', 'DNSKEY').catch(() => undefined)
    if (keys?.answer.some((r) => r.type === 'RRSIG')) return
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error(`Knot did not sign ${ORIGIN}:\n${knot.log()}`)
})

afterAll(async () => {
  if (report.rows.length > 0) report.write()
  await knot?.stop()
})

describe('text, +short and +json beside dig and kdig (signed Knot zone)', () => {
  it.each(cases)('$name $type', async ({ name, type }) => {
    const [ours, digText, digShort, kdigJson] = await Promise.all([
      ask(name, type),
      dig('+norec', '+dnssec', '+nocookie', name, type),
      dig('+norec', '+dnssec', '+nocookie', '+short', name, type),
      kdig('+norec', '+dnssec', '+json', name, type)
    ])
    expect(ours.header.rcode).toBe('NOERROR')
    expect(ours.answer.length).toBeGreaterThan(0)
    const label = `${name} ${type}`
    const rows = [
      report.row(`${label} (text)`, 'dig', section(digText, 'ANSWER'), section(formatDigText(ours), 'ANSWER')),
      report.row(`${label} (+short)`, 'dig', digShort, ours.answer.map((rr) => `${digRdata(rr)}\n`).join('')),
      report.row(`${label} (+json)`, 'kdig', jsonLines((JSON.parse(kdigJson) as { answerRRs?: JsonRecord[] }).answerRRs), jsonLines(toRfc8427(ours).answerRRs))
    ]
    for (const row of rows) expect(row, `${row.case}\npeer: ${row.theirs}\nours: ${row.ours}`).toMatchObject({ verdict: 'same' })
  })
})

describe('whole text output beside dig', () => {
  it.each([
    { name: 'fidelity.test', type: 'SSHFP' },
    { name: 'nope.fidelity.test', type: 'A' },
    { name: 'sp\\032ace.fidelity.test', type: 'A' },
    { name: 'fidelity.test', type: 'NS' }
  ])('$name $type', async ({ name, type }) => {
    const [ours, digText] = await Promise.all([ask(name, type), dig('+norec', '+dnssec', '+nocookie', name, type)])
    const row = report.row(`${name} ${type} (whole text)`, 'dig', digText, formatDigText(ours), 'dig-banner')
    expect(row, `peer: ${row.theirs}\nours: ${row.ours}`).toMatchObject({ verdict: 'allowed: dig-banner' })
  })
})

describe('+cookie against a server that answers BADCOOKIE first (RFC 7873 §5.3)', () => {
  it('retries once with the server cookie, as dig and kdig do, and shows the answer', async () => {
    const [ours, digText, kdigJson] = await Promise.all([
      ask('fidelity.test', 'SOA', { cookie: true, dnssecOk: false }),
      dig('+norec', '+cookie', 'fidelity.test', 'SOA'),
      kdig('+norec', '+cookie', '+json', 'fidelity.test', 'SOA')
    ])
    expect(ours.cookieRetried).toBe(true)
    expect(ours.header.rcode).toBe('NOERROR')
    expect(ours.edns?.cookie?.server).toMatch(/^[0-9a-f]{16,64}$/)
    const text = formatDigText(ours)
    const firstLine = (s: string) => s.split('\n').find((l) => l.startsWith(';; BADCOOKIE')) ?? ''
    const status = (s: string) => /status: \w+/.exec(s)?.[0] ?? ''
    const cookieLine = (s: string) => s.split('\n').find((l) => l.startsWith('; COOKIE:')) ?? ''
    // kdig prints the BADCOOKIE response and then the retried one
    const kdigMessages = kdigJson.split(/\n(?=\{)/).map((m) => JSON.parse(m) as { RCODE: number; answerRRs?: JsonRecord[] })
    expect(kdigMessages).toHaveLength(2)
    const kdigMessage = kdigMessages[1]!
    const rows = [
      report.row('fidelity.test SOA +cookie (retry line)', 'dig', firstLine(digText), firstLine(text)),
      report.row('fidelity.test SOA +cookie (status)', 'dig', status(digText), status(text)),
      report.row('fidelity.test SOA +cookie (COOKIE line)', 'dig', cookieLine(digText), cookieLine(text), 'dig-cookie-value'),
      report.row('fidelity.test SOA +cookie (answer)', 'dig', section(digText, 'ANSWER'), section(text, 'ANSWER')),
      report.row('fidelity.test SOA +cookie (+json RCODE, answer)', 'kdig', `${kdigMessage.RCODE}\n${jsonLines(kdigMessage.answerRRs)}`, `${toRfc8427(ours).RCODE}\n${jsonLines(toRfc8427(ours).answerRRs)}`)
    ]
    expect(firstLine(text)).toBe(';; BADCOOKIE, retrying.')
    expect(toRfc8427(ours).comment).toMatch(/asked again with the server cookie after BADCOOKIE$/)
    for (const row of rows) expect(row, `${row.case}\npeer: ${row.theirs}\nours: ${row.ours}`).toMatchObject({ verdict: expect.stringMatching(/^(same|allowed: )/) })
  })

  it('without +cookie nothing is retried', async () => {
    const plain = await ask('fidelity.test', 'SOA', { dnssecOk: false })
    expect(plain.cookieRetried).toBeUndefined()
    expect(plain.attempts).toBe(1)
  })
})

describe('escaped names typed on the command line (npm run query)', () => {
  it.each(['esc\\.dot.fidelity.test', 'sp\\032ace.fidelity.test', 'esc\\046dot.fidelity.test'])('%s', async (name) => {
    const tsx = resolve(root, 'node_modules/.bin/tsx')
    const [cli, real] = await Promise.all([
      run(tsx, ['--tsconfig', 'tsconfig.node.json', 'electron/cli/query.ts', `@127.0.0.1:${knot.port}`, name, 'A', '+norecurse'], { cwd: root, timeout: 20_000 }),
      dig('+norec', '+nocookie', name, 'A')
    ])
    expect(section(cli.stdout, 'ANSWER')).toMatch(/\t192\.0\.2\.(9|10)$/)
    const row = report.row(`${name} A (npm run query, text)`, 'dig', section(real, 'QUESTION') + '\n' + section(real, 'ANSWER'), section(cli.stdout, 'QUESTION') + '\n' + section(cli.stdout, 'ANSWER'))
    expect(row, `peer: ${row.theirs}\nours: ${row.ours}`).toMatchObject({ verdict: 'same' })
  })
})
