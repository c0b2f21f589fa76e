import { classCode, opcodeCode, RR_TYPES } from '@shared/dns-codes'
import type { DnsQueryResult, DnsRecord } from '@shared/dns'
import { isLocFields, locKnotText } from '../dns/rdata/loc'

/** An RR object with RFC 8427 member names (§2.2, §2.3). */
export interface Rfc8427Record {
  NAME: string
  TYPE: number
  TYPEname: string
  CLASS: number
  CLASSname: string
  TTL?: number
  RDLENGTH?: number
  RDATAHEX?: string
  /** `rdata` + the type name (`rdataA`, `rdataMX`, ...): the RDATA in presentation form. */
  [rdata: `rdata${string}`]: string
}

/**
 * A record as kdig's +json writes it: `rdata<TYPE>` in presentation form (none for RFC 3597 data),
 * then RDLENGTH and RDATAHEX, the exact octets (names uncompressed).
 */
function record(rr: DnsRecord): Rfc8427Record {
  const out: Rfc8427Record = {
    NAME: rr.name,
    TYPE: rr.typeCode,
    TYPEname: rr.type,
    CLASS: classCode(rr.class) ?? 0,
    CLASSname: rr.class,
    TTL: rr.ttl
  }
  const generic = /^\\#\s+(\d+)(?:\s+([0-9a-fA-F\s]*))?$/.exec(rr.data)
  if (!generic) out[`rdata${rr.type}`] = kdigRdata(rr)
  const hex = rr.rdataHex ?? (generic ? (generic[2] ?? '').replace(/\s+/g, '').toUpperCase() : undefined)
  if (hex !== undefined) {
    out.RDLENGTH = hex.length / 2
    // as kdig: no RDATAHEX member for empty RDATA
    if (hex !== '') out.RDATAHEX = hex
  }
  return out
}

/** Where kdig's presentation differs from dig's, the JSON follows kdig (`+json` is the exact form). */
function kdigRdata(rr: DnsRecord): string {
  if (rr.typeCode === RR_TYPES.LOC && isLocFields(rr.fields)) return locKnotText(rr.fields)
  if (rr.typeCode === RR_TYPES.EUI48 || rr.typeCode === RR_TYPES.EUI64) return rr.data.toUpperCase()
  return rr.data
}

/**
 * The response as JSON in the shape of RFC 8427 ("Representing DNS Messages in JSON"): its member
 * names (§2.1), plus `EDNS`, which the RFC does not cover. Flags are 0/1 as in the RFC's examples and
 * in kdig's +json (the RFC's prose says Boolean).
 */
export function toRfc8427(result: DnsQueryResult) {
  const { header, question } = result
  const f = header.flags
  const bit = (flag: boolean): 0 | 1 => (flag ? 1 : 0)
  const qclass = classCode(question.class) ?? 0
  return {
    ID: header.id,
    QR: bit(f.qr),
    Opcode: opcodeCode(header.opcode) ?? 0,
    AA: bit(f.aa),
    TC: bit(f.tc),
    RD: bit(f.rd),
    RA: bit(f.ra),
    AD: bit(f.ad),
    CD: bit(f.cd),
    // the full RCODE, with the EDNS extended bits applied
    RCODE: header.rcodeCode,
    QDCOUNT: 1,
    ANCOUNT: result.answer.length,
    NSCOUNT: result.authority.length,
    // The OPT record is on the wire in the additional section, though the result lists it apart.
    ARCOUNT: result.additional.length + (result.edns ? 1 : 0),
    QNAME: question.name,
    QTYPE: question.typeCode,
    QTYPEname: question.type,
    QCLASS: qclass,
    QCLASSname: question.class,
    questionRRs: [{ NAME: question.name, TYPE: question.typeCode, TYPEname: question.type, CLASS: qclass, CLASSname: question.class }],
    answerRRs: result.answer.map(record),
    authorityRRs: result.authority.map(record),
    additionalRRs: result.additional.map(record),
    messageOctetsHEX: result.raw.response.toUpperCase(),
    dateString: new Date(result.receivedAtWallMs).toISOString(),
    dateSeconds: result.receivedAtWallMs / 1000,
    comment:
      `response from ${result.server.host}#${result.server.port} over ${result.transport.toUpperCase()} in ${Math.round(result.timing.exchangeMs)} ms` +
      (result.cookieRetried ? ', asked again with the server cookie after BADCOOKIE' : ''),
    ...(result.edns ? { EDNS: result.edns } : {})
  }
}

export function formatRfc8427Json(result: DnsQueryResult): string {
  return `${JSON.stringify(toRfc8427(result), null, 2)}\n`
}
