/**
 * The DNS code tables (IANA "Domain Name System (DNS) Parameters"): record types, classes, opcodes,
 * RCODEs and EDNS option codes, with their mnemonics. The one table for the wire codec, the zone
 * parser, the server, the inspector and the renderer; pure, so the renderer can import it too.
 */

/** IANA RR type mnemonics (plus PowerDNS's private-use ALIAS). */
export const RR_TYPES = {
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
} as const
export type RrTypeName = keyof typeof RR_TYPES

export const CLASSES = { IN: 1, CH: 3, HS: 4, NONE: 254, ANY: 255 } as const
export const OPCODES = { QUERY: 0, IQUERY: 1, STATUS: 2, NOTIFY: 4, UPDATE: 5, DSO: 6 } as const
export const RCODES = {
  NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5, YXDOMAIN: 6, YXRRSET: 7,
  NXRRSET: 8, NOTAUTH: 9, NOTZONE: 10, DSOTYPENI: 11, BADVERS: 16, BADKEY: 17, BADTIME: 18,
  BADMODE: 19, BADNAME: 20, BADALG: 21, BADTRUNC: 22, BADCOOKIE: 23
} as const
/** EDNS(0) option codes, with the words a person reads for them. */
export const EDNS_OPTIONS = { NSID: 3, ECS: 8, COOKIE: 10, KEEPALIVE: 11, PADDING: 12, EDE: 15 } as const
const EDNS_OPTION_TITLES: Record<number, string> = {
  3: 'NSID', 8: 'Client subnet', 10: 'Cookie', 11: 'TCP keepalive', 12: 'Padding', 15: 'Extended DNS error'
}

const reverse = (table: Record<string, number>): Map<number, string> =>
  new Map(Object.entries(table).map(([name, code]) => [code, name]))
const TYPE_NAMES = reverse(RR_TYPES)
const CLASS_NAMES = reverse(CLASSES)
const OPCODE_NAMES = reverse(OPCODES)
const RCODE_NAMES = reverse(RCODES)

/** 'A' for 1, 'TYPE65534' for a code without a mnemonic. */
export const typeName = (code: number): string => TYPE_NAMES.get(code) ?? `TYPE${code}`
export const className = (code: number): string => CLASS_NAMES.get(code) ?? `CLASS${code}`
export const opcodeName = (code: number): string => OPCODE_NAMES.get(code) ?? `OPCODE${code}`
/** Name of a (possibly extended, 12-bit) RCODE. */
export const rcodeName = (code: number): string => RCODE_NAMES.get(code) ?? `RCODE${code}`
export const ednsOptionTitle = (code: number): string | undefined => EDNS_OPTION_TITLES[code]

/** A type mnemonic (any case) or 'TYPEnnn' to its code; undefined otherwise. */
export function typeCode(name: string): number | undefined {
  const upper = name.toUpperCase()
  if (Object.hasOwn(RR_TYPES, upper)) return RR_TYPES[upper as RrTypeName]
  const m = /^TYPE(\d{1,5})$/.exec(upper)
  return m && Number(m[1]) <= 65535 ? Number(m[1]) : undefined
}

const mnemonicOrNumber = (table: Record<string, number>, prefix: string, name: string): number | undefined => {
  if (Object.hasOwn(table, name)) return table[name]
  const m = new RegExp(`^${prefix}(\\d+)$`).exec(name)
  return m ? Number(m[1]) : undefined
}
/** 'IN' or 'CLASS1234' to its code. */
export const classCode = (name: string): number | undefined => mnemonicOrNumber(CLASSES, 'CLASS', name)
/** 'NOTIFY' or 'OPCODE3' to its code. */
export const opcodeCode = (name: string): number | undefined => mnemonicOrNumber(OPCODES, 'OPCODE', name)
