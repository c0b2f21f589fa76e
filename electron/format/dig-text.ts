import type { DnsQueryResult, DnsRecord, DnsTransport, EdnsInfo } from '@shared/dns'
import { recordLine } from './dig-columns'
import { digRdata } from './dig-rdata'

const TRANSPORT_NAMES: Record<DnsTransport, string> = { udp: 'UDP', tcp: 'TCP', dot: 'TLS', doh: 'HTTPS' }
const FLAG_ORDER = ['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'] as const
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A dig-style rendering of a response, the way `dig` (BIND 9.18) prints it. */
export function formatDigText(result: DnsQueryResult): string {
  const { header, edns } = result
  const flags = FLAG_ORDER.filter((f) => header.flags[f]).join(' ')
  const lines: string[] = []
  if (result.cookieRetried) lines.push(';; BADCOOKIE, retrying.')
  if (result.truncatedRetried) lines.push(';; Truncated, retrying in TCP mode.')
  lines.push(
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: ${header.opcode}, status: ${header.rcode}, id: ${header.id}`,
    `;; flags: ${flags}; QUERY: 1, ANSWER: ${result.answer.length}, AUTHORITY: ${result.authority.length}, ` +
      `ADDITIONAL: ${result.additional.length + (edns ? 1 : 0)}`
  )
  if (header.flags.rd && !header.flags.ra) lines.push(';; WARNING: recursion requested but not available')
  lines.push('')
  if (edns) lines.push(';; OPT PSEUDOSECTION:', ...ednsLines(edns))
  lines.push(';; QUESTION SECTION:', recordLine({ name: result.question.name, class: result.question.class, type: result.question.type }, ';'), '')
  section(lines, 'ANSWER', result.answer)
  section(lines, 'AUTHORITY', result.authority)
  section(lines, 'ADDITIONAL', result.additional)
  lines.push(
    `;; Query time: ${Math.round(result.timing.exchangeMs)} msec`,
    `;; SERVER: ${serverLine(result)}`,
    `;; WHEN: ${when(result.receivedAtWallMs)}`,
    `;; MSG SIZE  rcvd: ${result.sizes.response}`,
    // dig ends each response with an empty line
    '',
    ''
  )
  return lines.join('\n')
}

function section(lines: string[], name: string, records: readonly DnsRecord[]): void {
  if (records.length === 0) return
  lines.push(`;; ${name} SECTION:`, ...records.map((rr) => recordLine({ ...rr, data: digRdata(rr) })), '')
}

function ednsLines(edns: EdnsInfo): string[] {
  const out = [`; EDNS: version: ${edns.version}, flags:${edns.dnssecOk ? ' do' : ''}; udp: ${edns.udpSize}`]
  if (edns.nsid) out.push(`; NSID: ${spacedHex(edns.nsid.hex)} ("${edns.nsid.text}")`)
  if (edns.cookie) out.push(`; COOKIE: ${edns.cookie.client}${edns.cookie.server ?? ''}${edns.cookie.good ? ' (good)' : ''}`)
  if (edns.clientSubnet) out.push(`; CLIENT-SUBNET: ${edns.clientSubnet.subnet}/${edns.clientSubnet.scopePrefixLength}`)
  for (const ede of edns.ede) {
    out.push(`; EDE: ${ede.code} (${ede.name})${ede.text !== undefined ? `: (${ede.text})` : ''}`)
  }
  if (edns.padding !== undefined) out.push(`; PAD: (${edns.padding} bytes)`)
  for (const option of edns.options) {
    out.push(`; OPT=${option.code}: ${spacedHex(option.hex)} ("${printable(option.hex)}")`)
  }
  return out
}

function spacedHex(hex: string): string {
  return (hex.match(/../g) ?? []).join(' ')
}

function printable(hex: string): string {
  return (hex.match(/../g) ?? [])
    .map((byte) => {
      const code = parseInt(byte, 16)
      return code >= 0x20 && code < 0x7f && code !== 0x22 && code !== 0x5c ? String.fromCharCode(code) : '.'
    })
    .join('')
}

function serverLine(result: DnsQueryResult): string {
  const { host, port, url } = result.server
  const name = result.transport === 'doh' && url?.startsWith('http:') ? 'HTTP' : TRANSPORT_NAMES[result.transport]
  return `${host}#${port}(${result.tls?.serverName ?? host}) (${name})`
}

/** dig's date line (`Thu Nov 26 15:18:40 UTC 2026`), in UTC so the output does not depend on the machine. */
function when(wallMs: number): string {
  const d = new Date(wallMs)
  const pad = (n: number) => String(n).padStart(2, '0')
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`
}
