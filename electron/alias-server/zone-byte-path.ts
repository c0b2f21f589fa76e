/**
 * Zones straight from the file's octets into the compact form: no string, object or Map entry per
 * record or owner (owners are interned in owner-table.ts; tokens, wire rdata and record fields go into
 * growable typed buffers). It reads A, AAAA, NS, CNAME, PTR, MX, TXT and ALIAS/ANAME with plain names,
 * '@', $ORIGIN, $TTL, comments, parentheses, in ASCII with '\n' or '\r\n' line ends; any other record
 * (the SOA, SRV, CAA, rdata with escapes, ...) goes through the parser's own per-record code. On anything
 * else (an owner with an escape, an error, a zone rule broken) it returns undefined and the full parser
 * reads the file and reports.
 */
import { labelsToText, parseName } from '../dns/names'
import { typeCode } from '../zone'
import { applyDirective } from '../zone/directives'
import { ErrorCollector } from '../zone/errors'
import { parseRecord, resolveTtl, type RecordState } from '../zone/parser'
import type { Entry, Token } from '../zone/tokenizer'
import { parseTtl } from '../zone/ttl'
import { GrowBytes, GrowU32 } from './byte-buffers'
import { TOKEN_SEPARATOR, wireRdata } from './compact-zone'
import { finishBytes, type ByteRecords, type ByteZone } from './zone-byte-finish'
import * as readers from './zone-byte-rdata'
import * as rules from './zone-byte-rules'
import * as scan from './zone-byte-scan'
import { OwnerTable } from './owner-table'

// Run from source (tsx, CommonJS), every call of an imported function goes through a getter: bound once here,
// they stay off the per-record path.
const { inZone, ipv4Rdata, ipv6Rdata, nameRdata, txtString, uint, writeDecimal, writeName } = readers
const { breaksCnameRules, flagsWith } = rules
const { escapeLength, giveUp, quoteEnd, upperKey } = scan

const MAX_TOKENS = 256
const LF = 0x0a
const CR = 0x0d
const AT = 0x40

const RDATA_TYPES = ['A', 'AAAA', 'NS', 'CNAME', 'PTR', 'MX', 'TXT', 'ALIAS', 'ANAME']

const keyOf = (name: string): number => upperKey(Buffer.from(name, 'latin1'), 0, name.length)
const TYPE_BY_KEY = new Map(RDATA_TYPES.map((name) => [keyOf(name), name]))
const IN_KEY = keyOf('IN')

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))

/** Reads `src` into the compact form, or undefined when the full parser must read it (see the file comment). */
export function byteCompactZone(src: Uint8Array, options: { origin?: string } = {}): ByteZone | undefined {
  // '\r\n' ends a line as '\n' does; a lone '\r' (a line end to the parser) is left to the parser
  for (let cr = src.indexOf(CR); cr >= 0; cr = src.indexOf(CR, cr + 2)) if (src[cr + 1] !== LF) return undefined
  try {
    return read(src, options)
  } catch (error) {
    if (error === scan.GIVE_UP) return undefined
    throw error
  }
}

function read(src: Uint8Array, options: { origin?: string }): ByteZone | undefined {
  // the parser's own state, for its directive and per-record code
  const state: RecordState = { origin: null, zoneOrigin: null, defaultTtl: undefined, prevOwner: null, lastExplicitTtl: undefined, soaMinimum: undefined, records: [] }
  const errors = new ErrorCollector()
  let originText: Uint8Array | null = null
  if (options.origin !== undefined) {
    const r = parseName(options.origin.endsWith('.') ? options.origin : `${options.origin}.`, null)
    if ('error' in r) return undefined
    state.origin = state.zoneOrigin = r.labels
    originText = ascii(labelsToText(r.labels))
    // an origin with an escaped label is the parser's to read
    if (originText.includes(0x5c)) return undefined
  }
  let prevOwner = -1
  // about one owner per 32 octets of text at most, for the plain zones this path reads
  const owners = new OwnerTable(src.length >> 5)
  const out: ByteRecords = { nodes: new GrowU32(), types: new GrowU32(), ttls: new GrowU32(), tok: new GrowBytes(1 << 20), tokStart: new GrowU32(), wire: new GrowBytes(1 << 20), wireStart: new GrowU32(), typeNames: [], typeCodes: [] }
  out.tokStart.push(0)
  out.wireStart.push(0)
  let apex: Uint8Array | undefined
  let apexNode = -1
  let flags = new Uint8Array(1 << 12)
  const aliases: ByteZone['aliases'] = []
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
    apex ??= state.zoneOrigin ? ascii(labelsToText(state.zoneOrigin)) : giveUp()
    if (!inZone(owners.names.bytes, owners.candidateStart, owners.names.length, apex!)) giveUp()
    return owners.intern()
  }

  /** Tokens [from, count) as the parser's tokenizer gives them (positions only matter for errors, which give up). */
  const entryOf = (from: number, blankStart: boolean): Entry => {
    const tokens: Token[] = []
    for (let k = from; k < count; k++) tokens.push({ text: text(k), quoted: quoted[k] === 1, line: entryLine, column: 1 })
    return { tokens, blankStart, line: entryLine, broken: false }
  }

  const directive = (): void => {
    applyDirective(entryOf(0, false), state, errors)
    if (errors.errors.length > 0) giveUp()
    originText = state.origin && ascii(labelsToText(state.origin))
    if (originText?.includes(0x5c)) giveUp()
  }

  /** A record of another type (or one the readers refuse) through the parser's own code, its owner already read. */
  const viaParser = (node: number, from: number): void => {
    // what the readers wrote before refusing is dropped
    out.tok.length = out.tokStart.values[out.tokStart.length - 1]!
    out.wire.length = out.wireStart.values[out.wireStart.length - 1]!
    state.prevOwner = owners.text(node)
    parseRecord(entryOf(from, true), state, errors)
    const record = state.records.pop() ?? giveUp()
    const tokens = record.rdata.join(TOKEN_SEPARATOR)
    for (let k = 0; k < tokens.length; k++) out.tok.push(tokens.charCodeAt(k) < 0x100 ? tokens.charCodeAt(k) : giveUp())
    const bytes = wireRdata(typeCode(record.type)!, record)
    out.wire.append(bytes, 0, bytes.length)
    add(node, record.type, record.ttl)
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
    const type = TYPE_BY_KEY.get(upperKey(src, start[i]!, end[i]!))
    if (type === undefined || !rdata(type, i + 1)) return viaParser(node, blankStart ? 0 : 1)
    const resolved = resolveTtl(state, ttl) ?? giveUp()
    add(node, type, resolved)
  }

  /** Writes the rdata of tokens [from, count) as the parser would; false: not in the plain form. */
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
      default:
        return n === 1 && nameRdata(src, start[from]!, end[from]!, originText, tok, wire)
    }
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
    const next = src.indexOf(LF, pos)
    const eol = next < 0 ? src.length : next > pos && src[next - 1] === CR ? next - 1 : next
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
          j = quoteEnd(src, i, eol)
          start[count] = i + 1
          end[count] = j
          quoted[count++] = 1
          i = j + 1
          continue
        }
        for (; j < eol; j++) {
          const d = src[j]!
          if (d === 0x20 || d === 0x09 || d === 0x3b || d === 0x28 || d === 0x29) break
          if (d < 0x21 || d > 0x7e) return undefined
          if (d === 0x22) j = quoteEnd(src, j, eol)
          else if (d === 0x5c) j += escapeLength(src, j, eol) - 1
        }
        start[count] = i
        end[count] = j
        quoted[count++] = 0
        i = j
      }
    }
    if (!paren && count > 0) entry(blankStart)
    pos = next < 0 ? src.length : next + 1
  }
  if (paren || !state.zoneOrigin || out.nodes.length === 0 || soas !== 1 || breaksCnameRules(flags, owners.count, apexNode)) return undefined
  return { data: finishBytes(labelsToText(state.zoneOrigin), owners, out), records: out.nodes.length, aliases }
}
