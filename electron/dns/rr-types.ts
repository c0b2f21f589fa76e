import { ServiceError } from '@shared/errors'

/** IANA RR type mnemonics (plus PowerDNS's private-use ALIAS). */
const TYPES: Record<string, number> = {
  A: 1, NS: 2, MD: 3, MF: 4, CNAME: 5, SOA: 6, MB: 7, MG: 8, MR: 9, NULL: 10, WKS: 11, PTR: 12,
  HINFO: 13, MINFO: 14, MX: 15, TXT: 16, RP: 17, AFSDB: 18, X25: 19, ISDN: 20, RT: 21, NSAP: 22,
  'NSAP-PTR': 23, SIG: 24, KEY: 25, PX: 26, GPOS: 27, AAAA: 28, LOC: 29, NXT: 30, EID: 31,
  NIMLOC: 32, SRV: 33, ATMA: 34, NAPTR: 35, KX: 36, CERT: 37, A6: 38, DNAME: 39, SINK: 40, OPT: 41,
  APL: 42, DS: 43, SSHFP: 44, IPSECKEY: 45, RRSIG: 46, NSEC: 47, DNSKEY: 48, DHCID: 49, NSEC3: 50,
  NSEC3PARAM: 51, TLSA: 52, SMIMEA: 53, HIP: 55, NINFO: 56, RKEY: 57, TALINK: 58, CDS: 59,
  CDNSKEY: 60, OPENPGPKEY: 61, CSYNC: 62, ZONEMD: 63, SVCB: 64, HTTPS: 65, DSYNC: 66, SPF: 99,
  UINFO: 100, UID: 101, GID: 102, UNSPEC: 103, NID: 104, L32: 105, L64: 106, LP: 107, EUI48: 108,
  EUI64: 109, NXNAME: 128, TKEY: 249, TSIG: 250, IXFR: 251, AXFR: 252, MAILB: 253, MAILA: 254,
  ANY: 255, URI: 256, CAA: 257, AVC: 258, DOA: 259, AMTRELAY: 260, RESINFO: 261, WALLET: 262,
  CLA: 263, IPN: 264, TA: 32768, DLV: 32769, ALIAS: 65401
}

const NAMES = new Map<number, string>(Object.entries(TYPES).map(([name, code]) => [code, name]))

export const TYPE_ALIAS = 65401

export function typeName(code: number): string {
  return NAMES.get(code) ?? `TYPE${code}`
}

export function typeCode(name: string): number | undefined {
  const upper = name.toUpperCase()
  const known = TYPES[upper]
  if (known !== undefined) return known
  const m = /^TYPE(\d{1,5})$/.exec(upper)
  if (m) {
    const n = Number(m[1])
    return n <= 65535 ? n : undefined
  }
  return undefined
}

// Types that make no sense as a single stub query.
const NOT_QUERYABLE: Record<number, string> = {
  0: 'type 0 is reserved',
  41: 'OPT is a pseudo-type and cannot be queried',
  249: 'TKEY cannot be queried directly',
  250: 'TSIG cannot be queried directly',
  251: 'zone transfers (IXFR) are not supported',
  252: 'zone transfers (AXFR) are not supported'
}

/** Parses a query type given by mnemonic, 'TYPEnnn', a decimal string or a number. */
export function parseQueryType(input: string | number): number {
  let code: number | undefined
  if (typeof input === 'number') code = input
  else if (/^\d+$/.test(input.trim())) code = Number(input.trim())
  else code = typeCode(input.trim())
  if (code === undefined || !Number.isInteger(code) || code < 0 || code > 65535) {
    throw new ServiceError('bad-input', `unknown record type "${String(input)}"; use a mnemonic or TYPEnnn`)
  }
  const reason = NOT_QUERYABLE[code]
  if (reason) throw new ServiceError('bad-input', reason)
  return code
}

const CLASSES: Record<number, string> = { 1: 'IN', 3: 'CH', 4: 'HS', 254: 'NONE', 255: 'ANY' }

export function className(code: number): string {
  return CLASSES[code] ?? `CLASS${code}`
}

export const CLASS_IN = 1
