/**
 * The plainest zones straight from the file's octets into the compact form: no string, object or Map
 * entry per record or owner (owners are interned in owner-table.ts; tokens, wire rdata and record
 * fields go into growable typed buffers). It reads what zone-fast-path.ts reads, narrower: A, AAAA, NS,
 * CNAME, PTR, MX, TXT, SOA, ALIAS/ANAME with plain names, '@', $ORIGIN, $TTL, comments, parentheses,
 * in ASCII with '\n' line ends. On anything else, and on anything zone-fast-path.ts would give up on,
 * it returns undefined and the string path reads the file (which in turn falls back to the parser), so
 * the result, when there is one, is the one zone-fast-path.ts gives.
 */
import { labelsToText, parseName, type Labels } from '../dns/names'
import { typeCode, type ZoneRecord } from '../zone'
import { parseTtl } from '../zone/ttl'
import { GrowBytes, GrowU32 } from './byte-buffers'
import { wireRdata } from './compact-rdata'
import { finishBytes, type ByteRecords } from './zone-byte-finish'
import * as fastPath from './zone-fast-path'
import type { FastZone } from './zone-fast-path'
import { fastRdata } from './zone-fast-rdata'
import * as readers from './zone-byte-rdata'
import { OwnerTable } from './owner-table'

// Run from source (tsx, CommonJS), every call of an imported function goes through a getter: bound once here,
// they stay off the per-record path.
const { inZone, ipv4Rdata, ipv6Rdata, nameRdata, txtString, uint, writeDecimal, writeName } = readers
const { breaksCnameRules, flagsWith } = fastPath

const MAX_TOKENS = 256
const LF = 0x0a
const AT = 0x40

const RDATA_TYPES = ['A', 'AAAA', 'NS', 'CNAME', 'PTR', 'MX', 'TXT', 'SOA', 'ALIAS', 'ANAME']

/** A token of up to 6 letters, case-folded, as one small integer (5 bits a letter); -1 for anything else. */
function upperKey(src: Uint8Array, a: number, b: number): number {
  if (b - a > 6) return -1
  let key = 0
  for (let i = a; i < b; i++) {
    const c = src[i]! | 0x20
    if (c < 0x61 || c > 0x7a) return -1
    key = key * 32 + (c - 0x60)
  }
  return key
}

const keyOf = (name: string): number => upperKey(Buffer.from(name, 'latin1'), 0, name.length)
const TYPE_BY_KEY = new Map(RDATA_TYPES.map((name) => [keyOf(name), name]))
const IN_KEY = keyOf('IN')

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))

class GiveUp {}
const GIVE_UP = new GiveUp()
const giveUp = (): never => {
  throw GIVE_UP
}

/** Reads `src` into the compact form, or undefined when the string path must read it (see the file comment). */
export function byteCompactZone(src: Uint8Array, options: { origin?: string } = {}): FastZone | undefined {
  if (src.indexOf(0x0d) >= 0) return undefined
  try {
    return read(src, options)
  } catch (error) {
    if (error === GIVE_UP) return undefined
    throw error
  }
}

function read(src: Uint8Array, options: { origin?: string }): FastZone | undefined {
  let origin: Labels | null = null
  let originText: Uint8Array | null = null
  let zoneOrigin: string | null = null
  const setOrigin = (labels: Labels): void => {
    origin = labels
    originText = ascii(labelsToText(labels))
    zoneOrigin ??= labelsToText(labels)
  }
  if (options.origin !== undefined) {
    const r = parseName(options.origin.endsWith('.') ? options.origin : `${options.origin}.`, null)
    if ('error' in r) return undefined
    setOrigin(r.labels)
  }
  let defaultTtl: number | undefined
  let lastExplicitTtl: number | undefined
  let soaMinimum: number | undefined
  let prevOwner = -1
  // about one owner per 32 octets of text at most, for the plain zones this path reads
  const owners = new OwnerTable(src.length >> 5)
  const out: ByteRecords = { nodes: new GrowU32(), types: new GrowU32(), ttls: new GrowU32(), tok: new GrowBytes(1 << 20), tokStart: new GrowU32(), wire: new GrowBytes(1 << 20), wireStart: new GrowU32(), typeNames: [], typeCodes: [] }
  out.tokStart.push(0)
  out.wireStart.push(0)
  let apex: Uint8Array | undefined
  let apexNode = -1
  let flags = new Uint8Array(1 << 12)
  const aliases: FastZone['aliases'] = []
  let soas = 0
  const start = new Int32Array(MAX_TOKENS)
  const end = new Int32Array(MAX_TOKENS)
  const quoted = new Uint8Array(MAX_TOKENS)
  let count = 0
  let entryLine = 0

  const source = Buffer.from(src.buffer, src.byteOffset, src.length)
  const text = (k: number): string => source.toString('latin1', start[k], end[k])

  /** The owner's node: '@' is the origin, else a plain name made absolute; it must be in the zone. */
  const ownerNode = (k: number): number => {
    owners.begin()
    if (end[k] - start[k] === 1 && src[start[k]!] === AT) {
      if (!originText) giveUp()
      owners.names.append(originText!, 0, originText!.length)
    } else if (!writeName(src, start[k]!, end[k]!, originText, owners.names)) giveUp()
    apex ??= zoneOrigin === null ? giveUp() : ascii(zoneOrigin)
    if (!inZone(owners.names.bytes, owners.candidateStart, owners.names.length, apex!)) giveUp()
    return owners.intern()
  }

  const directive = (): void => {
    if (count !== 2 || quoted[1]) giveUp()
    const name = text(0).toUpperCase()
    const arg = text(1)
    if (name === '$ORIGIN') {
      const r = parseName(arg, origin)
      if ('error' in r) giveUp()
      setOrigin((r as { labels: Labels }).labels)
    } else if (name === '$TTL') {
      const v = parseTtl(arg)
      if (typeof v !== 'number') giveUp()
      defaultTtl = v as number
    } else giveUp()
  }

  const entry = (blankStart: boolean): void => {
    if (!quoted[0] && src[start[0]!] === 0x24) return directive()
    let i = 0
    let node: number
    if (blankStart) node = prevOwner < 0 ? giveUp() : prevOwner
    else {
      if (quoted[0]) giveUp()
      node = prevOwner = ownerNode(0)
      i = 1
    }
    let ttl: number | undefined
    let hasClass = false
    while (i < count && !quoted[i] && (ttl === undefined || !hasClass)) {
      const first = src[start[i]!]!
      if (!hasClass && upperKey(src, start[i]!, end[i]!) === IN_KEY) hasClass = true
      else if (ttl === undefined && first >= 0x30 && first <= 0x39) {
        const v = uint(src, start[i]!, end[i]!, 2_147_483_647)
        // seconds from the octets; units (1h30m) and errors through the parser's own reader
        const parsed = v >= 0 ? v : parseTtl(text(i))
        ttl = typeof parsed === 'number' ? parsed : giveUp()
      } else break
      i++
    }
    if (i >= count || quoted[i]) giveUp()
    const type = TYPE_BY_KEY.get(upperKey(src, start[i]!, end[i]!)) ?? giveUp()
    if (!rdata(type, i + 1)) giveUp()
    if (ttl !== undefined && defaultTtl === undefined) lastExplicitTtl = ttl
    const resolved = ttl ?? defaultTtl ?? lastExplicitTtl ?? soaMinimum ?? giveUp()
    add(node, type, resolved)
  }

  /** Writes the rdata of tokens [from, count) as the string path would; false: not in the plain form. */
  const rdata = (type: string, from: number): boolean => {
    const n = count - from
    const { tok, wire } = out
    if (type === 'TXT') {
      if (n < 1) return false
      for (let k = from; k < count; k++) {
        if (k > from) tok.push(0)
        if (!txtString(src, start[k]!, end[k]!, tok, wire)) return false
      }
      return true
    }
    for (let k = from; k < count; k++) if (quoted[k]) return false
    switch (type) {
      case 'A':
        return n === 1 && ipv4Rdata(src, start[from]!, end[from]!, tok, wire)
      case 'AAAA':
        return n === 1 && ipv6Rdata(src, start[from]!, end[from]!, tok, wire)
      case 'MX': {
        const preference = n === 2 ? uint(src, start[from]!, end[from]!, 65_535) : -1
        if (preference < 0) return false
        writeDecimal(preference, tok)
        tok.push(0)
        wire.push(preference >> 8)
        wire.push(preference & 0xff)
        return nameRdata(src, start[from + 1]!, end[from + 1]!, originText, tok, wire)
      }
      case 'SOA':
        return soa(from)
      default:
        return n === 1 && nameRdata(src, start[from]!, end[from]!, originText, tok, wire)
    }
  }

  /** The one SOA: through zone-fast-rdata.ts and compact-rdata.ts on strings. */
  const soa = (from: number): boolean => {
    const tokens: string[] = []
    for (let k = from; k < count; k++) tokens.push(text(k))
    const values = fastRdata('SOA', tokens, new Array<boolean>(tokens.length).fill(false), 0, tokens.length, origin)
    if (!values) return false
    soaMinimum ??= Number(values[6])
    const joined = values.join('\u0000')
    for (let k = 0; k < joined.length; k++) out.tok.push(joined.charCodeAt(k))
    const bytes = wireRdata(typeCode('SOA')!, { name: zoneOrigin!, type: 'SOA', ttl: 0, class: 'IN', rdata: values, line: entryLine, column: 1 } satisfies ZoneRecord)
    out.wire.append(bytes, 0, bytes.length)
    return true
  }

  const add = (node: number, type: string, ttl: number): void => {
    let typeIndex = out.typeNames.indexOf(type)
    if (typeIndex < 0) {
      typeIndex = out.typeNames.push(type) - 1
      out.typeCodes.push(typeCode(type)!)
    }
    out.nodes.push(node)
    out.types.push(typeIndex)
    out.ttls.push(ttl)
    out.tokStart.push(out.tok.length)
    out.wireStart.push(out.wire.length)
    if (node >= flags.length) {
      const grown = new Uint8Array(flags.length * 2)
      grown.set(flags)
      flags = grown
    }
    if (apexNode < 0 && owners.equals(node, apex!)) apexNode = node
    flags[node] = flagsWith(flags[node]!, type)
    if (type === 'ALIAS' || type === 'ANAME') {
      const tokens = out.tok.text(out.tokStart.values[out.tokStart.length - 2]!, out.tok.length)
      aliases.push({ name: owners.text(node), target: tokens, line: entryLine })
    }
    if (type === 'SOA') {
      soas++
      if (node !== apexNode) giveUp()
    }
  }

  let paren = false
  let blankStart = false
  let line = 0
  for (let pos = 0; pos < src.length; ) {
    let eol = src.indexOf(LF, pos)
    if (eol < 0) eol = src.length
    line++
    if (!paren) {
      count = 0
      blankStart = src[pos] === 0x20 || src[pos] === 0x09
    }
    let i = pos
    while (i < eol) {
      const c = src[i]!
      if (c === 0x20 || c === 0x09) i++
      else if (c === 0x3b) break
      else if (c === 0x28 || c === 0x29) {
        if (paren === (c === 0x28)) return undefined
        paren = !paren
        i++
      } else {
        if (count === MAX_TOKENS) return undefined
        if (count === 0) entryLine = line
        let j = i
        if (c === 0x22) {
          for (j = i + 1; j < eol && src[j] !== 0x22; j++) if (src[j] === 0x5c) return undefined
          if (j === eol) return undefined
          start[count] = i + 1
          end[count] = j
          quoted[count++] = 1
          i = j + 1
          continue
        }
        for (; j < eol; j++) {
          const d = src[j]!
          if (d === 0x20 || d === 0x09 || d === 0x3b || d === 0x28 || d === 0x29) break
          if (d < 0x21 || d > 0x7e || d === 0x22 || d === 0x5c) return undefined
        }
        start[count] = i
        end[count] = j
        quoted[count++] = 0
        i = j
      }
    }
    if (!paren && count > 0) entry(blankStart)
    pos = eol + 1
  }
  if (paren || zoneOrigin === null || out.nodes.length === 0 || soas !== 1 || breaksCnameRules(flags, owners.count, apexNode)) return undefined
  return { data: finishBytes(zoneOrigin, owners, out), records: out.nodes.length, aliases }
}
