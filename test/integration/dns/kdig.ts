import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { requireTool } from '../../../scripts/peers/require-tool'

const run = promisify(execFile)

/** One resource record of kdig's RFC 8427 JSON output. */
export interface KdigRecord {
  NAME: string
  TYPE: number
  TYPEname: string
  CLASS: number
  CLASSname?: string
  TTL: number
  RDLENGTH: number
  RDATAHEX?: string
  [rdataKey: `rdata${string}`]: string | undefined
}

export interface KdigMessage {
  ID: number
  QR: number
  AA: number
  TC: number
  RD: number
  RA: number
  AD: number
  CD: number
  RCODE: number
  QNAME: string
  QTYPE: number
  answerRRs?: KdigRecord[]
  authorityRRs?: KdigRecord[]
  additionalRRs?: KdigRecord[]
}

/** Runs `kdig +json` against 127.0.0.1:port (EDNS 1232 like the engine's default; +tcp on demand). */
export async function kdigJson(
  port: number,
  name: string,
  type: string,
  options: { tcp?: boolean } = {}
): Promise<KdigMessage> {
  const kdig = requireTool('kdig', 'knot-dnsutils')
  const args = [
    '@127.0.0.1',
    '-p',
    String(port),
    '+json',
    '+bufsize=1232',
    '+timeout=2',
    '+retry=0',
    options.tcp ? '+tcp' : '+notcp',
    '-t',
    type,
    name
  ]
  const { stdout } = await run(kdig, args, { timeout: 10_000 })
  return JSON.parse(stdout) as KdigMessage
}

/** A record reduced to what both sides must agree on. */
export interface ComparableRecord {
  name: string
  type: string
  typeCode: number
  class: string
  ttl: number
  data: string
}

/**
 * Presentation formats allow several spellings of the same RDATA. We compare *meaning*, so both
 * sides go through the same normalisation:
 * 1. Tokenise like a zone-file parser: whitespace separates tokens outside quotes; quotes are
 *    removed (also inside a token, as in SVCB `alpn="h2,h3"`); `\DDD` and `\X` escapes are decoded
 *    to octets; the octets are re-rendered with printable ASCII kept and every other octet as
 *    `\DDD`. So `"a\"b"` == `"a\034b"`, `"caf\195\169"` == `"café"`, `a  b` == `a b`, and kdig's
 *    trailing space after CAA values disappears. Quoted vs unquoted tokens compare equal, but a
 *    string split differently (`"a b"` vs `a b`) does not.
 * 2. Per type: hex fields (DS digest, `\#` data) are lower-cased and joined (they may be split into
 *    groups); base64 fields (DNSKEY key) are joined; IPv6 addresses (AAAA, ipv6hint) are put into
 *    RFC 5952 canonical form.
 * 3. RFC 3597: kdig prints no presentation for unknown types (only RDLENGTH and RDATAHEX); we build
 *    `\# RDLENGTH hex` from them.
 * Owner names keep their case (both sides print the wire octets); records are compared as sorted
 * lists (the engine keeps wire order, but a set comparison keeps the test honest about content).
 */
export function tokens(data: string): string[] {
  const out: string[] = []
  let current: number[] | undefined
  let quoted = false
  const bytes = Buffer.from(data, 'utf8')
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!
    if (!quoted && (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)) {
      if (current) out.push(render(current))
      current = undefined
      continue
    }
    current ??= []
    if (c === 0x22) {
      quoted = !quoted
      continue
    }
    if (c === 0x5c && i + 1 < bytes.length) {
      const d = bytes.subarray(i + 1, i + 4).toString('latin1')
      if (/^\d{3}$/.test(d)) {
        current.push(Number(d))
        i += 3
      } else {
        current.push(bytes[i + 1]!)
        i += 1
      }
      continue
    }
    current.push(c)
  }
  if (current) out.push(render(current))
  return out
}

function render(octets: number[]): string {
  return octets
    .map((o) => (o > 0x20 && o < 0x7f && o !== 0x5c ? String.fromCharCode(o) : `\\${String(o).padStart(3, '0')}`))
    .join('')
}

function canonicalIpv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1)
  } catch {
    return address
  }
}

export function normaliseData(type: string, data: string): string {
  const trimmed = data.trim()
  if (trimmed.startsWith('\\#')) {
    const [, length, ...hex] = trimmed.split(/\s+/)
    return `\\# ${length} ${hex.join('').toLowerCase()}`.trim()
  }
  const t = tokens(trimmed)
  switch (type) {
    case 'AAAA':
      return t.map(canonicalIpv6).join(' ')
    case 'DS':
    case 'CDS':
      return [...t.slice(0, 3), t.slice(3).join('').toLowerCase()].join(' ')
    case 'DNSKEY':
    case 'CDNSKEY':
      return [...t.slice(0, 3), t.slice(3).join('')].join(' ')
    case 'SVCB':
    case 'HTTPS':
      return t
        .map((token) =>
          token.startsWith('ipv6hint=') ? `ipv6hint=${token.slice(9).split(',').map(canonicalIpv6).join(',')}` : token
        )
        .join(' ')
    default:
      return t.join(' ')
  }
}

export function fromKdig(record: KdigRecord): ComparableRecord {
  const key = `rdata${record.TYPEname}` as const
  const presentation = record[key]
  const data =
    presentation !== undefined
      ? presentation
      : `\\# ${record.RDLENGTH}${record.RDLENGTH > 0 ? ` ${(record.RDATAHEX ?? '').toLowerCase()}` : ''}`
  return {
    name: record.NAME,
    type: record.TYPEname,
    typeCode: record.TYPE,
    class: record.CLASSname ?? `CLASS${record.CLASS}`,
    ttl: record.TTL,
    data: normaliseData(record.TYPEname, data)
  }
}

/** An engine record (a DnsRecord: its extra fields are dropped) in comparable form. */
export function fromEngine(record: ComparableRecord): ComparableRecord {
  return {
    name: record.name,
    type: record.type,
    typeCode: record.typeCode,
    class: record.class,
    ttl: record.ttl,
    data: normaliseData(record.type, record.data)
  }
}

export const sortRecords = (records: ComparableRecord[]): ComparableRecord[] =>
  [...records].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
