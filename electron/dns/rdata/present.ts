import { formatIPv4, formatIPv6 } from '@shared/ip-text'
import { typeName } from '@shared/dns-codes'
import { alias } from './alias'
import { locDigText, readLoc } from './loc'
import { RdataReader } from './reader'
import { formatSvcb, svcb, svcbFields } from '../svcb'
import { base32hex, decodeTypeBitmap, genericRdata, hexUpper, quoteString, sigTime } from './text'

export interface PresentedRdata {
  data: string
  fields?: Record<string, unknown>
  /** The RDATA with its names uncompressed (set by presentRdata). */
  wire?: Buffer
}

type Formatter = (r: RdataReader) => PresentedRdata

const text = (data: string): PresentedRdata => ({ data })

const oneName: Formatter = (r) => text(r.name())
const prefName: Formatter = (r) => {
  const preference = r.u16()
  const exchange = r.name()
  return { data: `${preference} ${exchange}`, fields: { preference, exchange } }
}
const twoNames: Formatter = (r) => text(`${r.name()} ${r.name()}`)
const strings: Formatter = (r) => {
  const parts: string[] = []
  while (r.remaining() > 0) parts.push(quoteString(r.charString()))
  return text(parts.join(' '))
}
const base64All: Formatter = (r) => text(r.rest().toString('base64'))
const typeList = (b: Buffer) => decodeTypeBitmap(b).map(typeName).join(' ')

const ds: Formatter = (r) => {
  const keyTag = r.u16()
  const algorithm = r.u8()
  const digestType = r.u8()
  return text(`${keyTag} ${algorithm} ${digestType} ${hexUpper(r.rest())}`)
}
const dnskey: Formatter = (r) => {
  const flags = r.u16()
  const protocol = r.u8()
  const algorithm = r.u8()
  return text(`${flags} ${protocol} ${algorithm} ${r.rest().toString('base64')}`)
}
const rrsig: Formatter = (r) => {
  const covered = typeName(r.u16())
  const algorithm = r.u8()
  const labels = r.u8()
  const originalTtl = r.u32()
  const expiration = sigTime(r.u32())
  const inception = sigTime(r.u32())
  const keyTag = r.u16()
  const signer = r.name(false)
  const sig = r.rest().toString('base64')
  return text(`${covered} ${algorithm} ${labels} ${originalTtl} ${expiration} ${inception} ${keyTag} ${signer} ${sig}`)
}
const tlsa: Formatter = (r) => text(`${r.u8()} ${r.u8()} ${r.u8()} ${hexUpper(r.rest())}`)
const eui = (octets: number): Formatter => (r) => text(r.bytes(octets).toString('hex').replace(/(..)(?!$)/g, '$1-'))

const FORMATTERS: Record<number, Formatter> = {
  1: (r) => text(formatIPv4(r.bytes(4), 0)),
  28: (r) => text(formatIPv6(r.bytes(16), 0)),
  2: oneName, 3: oneName, 4: oneName, 5: oneName, 7: oneName, 8: oneName, 9: oneName,
  12: oneName, 39: oneName,
  6: (r) => {
    const mname = r.name()
    const rname = r.name()
    const [serial, refresh, retry, expire, minimum] = [r.u32(), r.u32(), r.u32(), r.u32(), r.u32()]
    return {
      data: `${mname} ${rname} ${serial} ${refresh} ${retry} ${expire} ${minimum}`,
      fields: { mname, rname, serial, refresh, retry, expire, minimum }
    }
  },
  13: (r) => text(`${quoteString(r.charString())} ${quoteString(r.charString())}`),
  14: twoNames, 17: twoNames,
  15: prefName, 18: prefName, 21: prefName, 36: prefName,
  16: strings, 99: strings,
  33: (r) => {
    const priority = r.u16()
    const weight = r.u16()
    const port = r.u16()
    const target = r.name()
    return { data: `${priority} ${weight} ${port} ${target}`, fields: { priority, weight, port, target } }
  },
  35: (r) => {
    const order = r.u16()
    const preference = r.u16()
    const [flags, services, regexp] = [r.charString(), r.charString(), r.charString()].map(quoteString)
    return text(`${order} ${preference} ${flags} ${services} ${regexp} ${r.name()}`)
  },
  43: ds, 59: ds, 32768: ds, 32769: ds,
  25: dnskey, 48: dnskey, 60: dnskey,
  24: rrsig, 46: rrsig,
  29: (r) => {
    const fields = readLoc(r)
    return { data: locDigText(fields), fields: { ...fields } }
  },
  44: (r) => text(`${r.u8()} ${r.u8()} ${hexUpper(r.rest())}`),
  47: (r) => {
    const next = r.name(false)
    const types = typeList(r.rest())
    return text(types ? `${next} ${types}` : next)
  },
  50: (r) => {
    const algorithm = r.u8()
    const flags = r.u8()
    const iterations = r.u16()
    const salt = r.charString()
    const hash = r.bytes(r.u8())
    const types = typeList(r.rest())
    const head = `${algorithm} ${flags} ${iterations} ${salt.length ? hexUpper(salt) : '-'} ${base32hex(hash).toUpperCase()}`
    return text(types ? `${head} ${types}` : head)
  },
  51: (r) => {
    const head = `${r.u8()} ${r.u8()} ${r.u16()}`
    const salt = r.charString()
    return text(`${head} ${salt.length ? hexUpper(salt) : '-'}`)
  },
  52: tlsa, 53: tlsa,
  49: base64All, 61: base64All,
  62: (r) => {
    const serial = r.u32()
    const flags = r.u16()
    const types = typeList(r.rest())
    return text(types ? `${serial} ${flags} ${types}` : `${serial} ${flags}`)
  },
  63: (r) => text(`${r.u32()} ${r.u8()} ${r.u8()} ${hexUpper(r.rest())}`),
  108: eui(6),
  109: eui(8),
  256: (r) => {
    const priority = r.u16()
    const weight = r.u16()
    return text(`${priority} ${weight} ${quoteString(r.rest())}`)
  },
  257: (r) => {
    const flags = r.u8()
    const tag = r.charString().toString('latin1')
    return { data: `${flags} ${tag} ${quoteString(r.rest())}`, fields: { flags, tag } }
  }
}

/**
 * Presentation form of one RR's RDATA. RDATA that does not parse as its type (or has trailing
 * octets) is shown in the RFC 3597 generic form with `fields.malformed` saying why.
 */
export function presentRdata(msg: Buffer, typeCode: number, start: number, length: number): PresentedRdata {
  const end = start + length
  const raw = msg.subarray(start, end)
  try {
    // The dns-packet style codecs start at RDLENGTH, which sits just before the RDATA; their
    // names are never compressed (RFC 9460 §2.2), so the RDATA is already canonical.
    if (typeCode === 64 || typeCode === 65) {
      const data = svcb.decode(msg, start - 2)
      return { data: formatSvcb(data), fields: svcbFields(data), wire: raw }
    }
    if (typeCode === 65401) {
      const target = alias.decode(msg, start - 2)
      return { data: target, fields: { target }, wire: raw }
    }
    const formatter = FORMATTERS[typeCode]
    if (!formatter) return { data: genericRdata(raw), wire: raw }
    const r = new RdataReader(msg, start, end)
    const out = formatter(r)
    r.done()
    out.wire = r.canonical()
    return out
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    return { data: genericRdata(raw), fields: { malformed: reason }, wire: raw }
  }
}
