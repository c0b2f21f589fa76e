/** ZoneRecord -> the answer object dns-packet@5's `encode` expects. */
import type { Answer } from 'dns-packet'
import { unquoteCharString } from './char-strings'
import { parseGenericRdata } from './generic-rdata'
import type { ZoneRecord } from './model'
import { absoluteLabels, labelsToWire } from '../dns/names'
import { TYPE_CODES, typeCode } from './record-types'
import { parseSvcbTokens, svcb } from '../dns/svcb'
import type { Token } from './tokenizer'

/**
 * dns-packet writes any type it has no codec for from a raw Buffer when the type is spelled
 * 'UNKNOWN_<code>' (types.toType parses it; `renc` falls back to `runknown`). Its typings do
 * not list that spelling, hence this type; cast to `Answer` when building a packet.
 */
export interface RawAnswer {
  type: `UNKNOWN_${number}`
  name: string
  ttl: number
  class: 'IN'
  data: Buffer
}
export type PacketAnswer = Answer | RawAnswer

const latin1 = new TextDecoder('latin1')

/**
 * dns-packet takes names as dot-joined label text without escapes, so a label holding a dot
 * or a non-ASCII octet cannot be expressed; refuse rather than emit a different name.
 * `mail` allows an escaped dot in the first label (SOA rname, RFC 1035 §8).
 */
export function toDnsPacketName(name: string, mail = false): string {
  const labels = absoluteLabels(name)
  if (labels.length === 0) return '.'
  return labels
    .map((label, i) => {
      if (label.some((b) => b > 0x7e || b < 0x21)) throw new Error(`dns-packet cannot encode the name ${name}`)
      const text = latin1.decode(label)
      if (!text.includes('.')) return text
      if (mail && i === 0) return text.replace(/\./g, '\\.')
      throw new Error(`dns-packet cannot encode the name ${name} (a label contains a dot)`)
    })
    .join('.')
}

const stripDot = (name: string): string => (name === '.' || !name.endsWith('.') ? name : name.slice(0, -1))

const genericWire = (rdata: string[]): Buffer => {
  const tokens = rdata.map((text): Token => ({ text, quoted: false, line: 0, column: 0 }))
  const wire = parseGenericRdata(tokens, (_, reason) => {
    throw new Error(reason)
  })
  return Buffer.from(wire!)
}

/** Canonical SVCB/HTTPS tokens -> wire rdata (without the codec's 2-octet length). Throws on invalid input. */
export const encodeSvcbRdata = (tokens: string[]): Buffer => svcb.encode(parseSvcbTokens(tokens)).subarray(2)

const text = (token: string): string => Buffer.from(unquoteCharString(token)).toString('utf8')

/**
 * `ownerAsQueried` is the answer's owner as it should appear on the wire: the query name for
 * a wildcard synthesis or to keep the client's 0x20 case. Defaults to the record's owner.
 */
export function toPacketAnswer(record: ZoneRecord, ownerAsQueried?: string): PacketAnswer {
  const name = ownerAsQueried !== undefined ? stripDot(ownerAsQueried) : toDnsPacketName(record.name)
  const base = { name, ttl: record.ttl, class: 'IN' as const }
  const d = record.rdata
  const code = typeCode(record.type)
  if (code === null) throw new Error(`unknown record type ${record.type}`)
  if (d[0] === '\\#') return { ...base, type: `UNKNOWN_${code}`, data: genericWire(d) }
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return { ...base, type: record.type, data: d[0] }
    case 'NS':
    case 'CNAME':
    case 'PTR':
      return { ...base, type: record.type, data: toDnsPacketName(d[0]) }
    case 'MX':
      return { ...base, type: 'MX', data: { preference: Number(d[0]), exchange: toDnsPacketName(d[1]) } }
    case 'TXT':
      return { ...base, type: 'TXT', data: d.map((t) => Buffer.from(unquoteCharString(t))) }
    case 'SOA':
      return {
        ...base,
        type: 'SOA',
        data: {
          mname: toDnsPacketName(d[0]),
          rname: toDnsPacketName(d[1], true),
          serial: Number(d[2]),
          refresh: Number(d[3]),
          retry: Number(d[4]),
          expire: Number(d[5]),
          minimum: Number(d[6])
        }
      }
    case 'SRV':
      return { ...base, type: 'SRV', data: { priority: Number(d[0]), weight: Number(d[1]), port: Number(d[2]), target: toDnsPacketName(d[3]) } }
    case 'CAA':
      // dns-packet types the tag as a union of three; the codec itself takes any string.
      return { ...base, type: 'CAA', data: { flags: Number(d[0]), tag: d[1] as 'issue', value: text(d[2]) } }
    case 'NAPTR':
      return {
        ...base,
        type: 'NAPTR',
        data: {
          order: Number(d[0]),
          preference: Number(d[1]),
          flags: text(d[2]),
          services: text(d[3]),
          regexp: text(d[4]),
          replacement: toDnsPacketName(d[5])
        }
      }
    case 'DS':
      return { ...base, type: 'DS', data: { keyTag: Number(d[0]), algorithm: Number(d[1]), digestType: Number(d[2]), digest: Buffer.from(d[3], 'hex') } }
    case 'DNSKEY':
      // dns-packet always writes protocol 3; the parser accepts nothing else.
      return { ...base, type: 'DNSKEY', data: { flags: Number(d[0]), algorithm: Number(d[2]), key: Buffer.from(d[3], 'base64') } }
    case 'ALIAS':
    case 'ANAME':
      return { ...base, type: `UNKNOWN_${TYPE_CODES.ALIAS}`, data: Buffer.from(labelsToWire(absoluteLabels(d[0]))) }
    case 'SVCB':
    case 'HTTPS':
      return { ...base, type: `UNKNOWN_${code}`, data: encodeSvcbRdata(d) }
    default:
      throw new Error(`no dns-packet form for ${record.type} rdata ${d.join(' ')}`)
  }
}
