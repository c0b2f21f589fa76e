/**
 * Zone text straight into the compact form, for big zones: no Token or ZoneRecord object kept per record.
 * It reads the plain common case (A, AAAA, NS, CNAME, PTR, MX, TXT, SOA, ALIAS/ANAME in canonical-ready
 * text, $ORIGIN, $TTL, comments, parentheses) with the parser's own helpers, and hands any other record to
 * the parser's own per-record code. On anything it would have to report (an error of any kind, a zone rule
 * broken, an escape, a directive it does not apply) it gives up and returns undefined: the full parser
 * then reads the file and reports with line, column and its exact message.
 */
import { ErrorCollector } from '../zone/errors'
import type { ZoneRecord } from '../zone'
import { labelsToText, parseName, plainCanonicalName, type Labels } from '../dns/names'
import { parseRecord, type RecordState } from '../zone/parser'
import { isClassToken } from '../zone/record-types'
import { escapeLength, scanQuoted, type Entry, type Token } from '../zone/tokenizer'
import { parseTtl } from '../zone/ttl'
import { CompactBuilder, type CompactZoneData } from './compact-zone'
import { fastRdata } from './zone-fast-rdata'

export interface FastZone {
  data: CompactZoneData
  records: number
  aliases: Array<{ name: string; target: string; line: number }>
}

/** One logical line's tokens, reused from entry to entry. */
interface Scan {
  text: string[]
  quoted: boolean[]
  line: number[]
  column: number[]
  /** Tokens in this entry (the arrays are reused and may be longer). */
  n: number
  blankStart: boolean
  paren: boolean
  /** A token has an escape or an embedded quote: the parser's own code reads the entry. */
  escaped: boolean
}

const GIVE_UP = Symbol('give up')

/** Appends one physical line's tokens as the tokenizer splits them; false where the tokenizer would report an error. */
function scanLine(s: string, lineNo: number, scan: Scan): boolean {
  const n = s.length
  let i = 0
  while (i < n) {
    const c = s.charCodeAt(i)
    if (c === 0x20 || c === 0x09) i++
    else if (c === 0x3b) break
    else if (c === 0x28) {
      if (scan.paren) return false
      scan.paren = true
      i++
    } else if (c === 0x29) {
      if (!scan.paren) return false
      scan.paren = false
      i++
    } else if (c === 0x22) {
      const close = scanQuoted(s, i)
      if (typeof close !== 'number') return false
      const body = s.slice(i + 1, close)
      // escapes are decoded by the parser's own rdata code
      if (body.includes('\\')) scan.escaped = true
      push(scan, body, true, lineNo, i + 1)
      i = close + 1
    } else {
      let j = i
      while (j < n) {
        const d = s.charCodeAt(j)
        if (d === 0x20 || d === 0x09 || d === 0x3b || d === 0x28 || d === 0x29) break
        if (d === 0x5c) {
          const length = escapeLength(s, j)
          if (typeof length !== 'number') return false
          scan.escaped = true
          j += length
        } else if (d === 0x22) {
          const close = scanQuoted(s, j)
          if (typeof close !== 'number') return false
          scan.escaped = true
          j = close + 1
        } else j++
      }
      push(scan, s.slice(i, j), false, lineNo, i + 1)
      i = j
    }
  }
  return true
}

function push(scan: Scan, text: string, quoted: boolean, line: number, column: number): void {
  const k = scan.n++
  scan.text[k] = text
  scan.quoted[k] = quoted
  scan.line[k] = line
  scan.column[k] = column
}

// Per owner: what the zone rules on CNAME and ALIAS need to know.
const CNAME = 1
const CNAME_AGAIN = 2
const ALIAS = 4
const ALIAS_AGAIN = 8
const OTHER = 16

/** An owner's flags once it has a record of `type` (zone-byte-path.ts keeps them the same way). */
export function flagsWith(seen: number, type: string): number {
  if (type === 'CNAME') return seen | (seen & CNAME ? CNAME_AGAIN : CNAME)
  if (type === 'ALIAS' || type === 'ANAME') return seen | (seen & ALIAS ? ALIAS_AGAIN : ALIAS)
  return seen | OTHER
}

/** Whether the owners' flags break a zone rule: a second ALIAS, a CNAME beside other data or at the apex. */
export function breaksCnameRules(flags: ArrayLike<number>, owners: number, apexNode: number): boolean {
  for (let node = 0; node < owners; node++) {
    const f = flags[node] ?? 0
    if (f & ALIAS_AGAIN) return true
    if (f & CNAME && (f & (CNAME_AGAIN | ALIAS | OTHER) || node === apexNode)) return true
  }
  return false
}

/** Reads `text` into the compact form, or undefined when the full parser must read it (see the file comment). */
export function fastCompactZone(text: string, options: { origin?: string } = {}): FastZone | undefined {
  try {
    return read(text, options)
  } catch (error) {
    if (error === GIVE_UP) return undefined
    throw error
  }
}

function read(text: string, options: { origin?: string }): FastZone | undefined {
  const giveUp = (): never => {
    throw GIVE_UP
  }
  if (text.charCodeAt(0) === 0xfeff) return undefined
  const state: RecordState = { origin: null, zoneOrigin: null, defaultTtl: undefined, prevOwner: null, lastExplicitTtl: undefined, soaMinimum: undefined, records: [] }
  if (options.origin !== undefined) {
    const r = parseName(options.origin.endsWith('.') ? options.origin : `${options.origin}.`, null)
    if ('error' in r) return undefined
    state.origin = state.zoneOrigin = r.labels
  }
  let builder: CompactBuilder | undefined
  const flags: number[] = []
  const aliases: FastZone['aliases'] = []
  let soas = 0
  let apexNode = -1
  const scratch: ZoneRecord = { name: '', type: '', ttl: 0, class: 'IN', rdata: [], line: 0, column: 0 }
  const errors = new ErrorCollector()

  const add = (record: ZoneRecord): void => {
    builder ??= state.zoneOrigin ? new CompactBuilder(labelsToText(state.zoneOrigin)) : giveUp()
    const node = builder.add(record)
    if (node < 0) giveUp()
    if (record.name === builder.origin) apexNode = node
    const type = record.type
    flags[node] = flagsWith(flags[node] ?? 0, type)
    if (type === 'ALIAS' || type === 'ANAME') aliases.push({ name: record.name, target: record.rdata[0] ?? '', line: record.line })
    if (type === 'SOA') {
      soas++
      if (record.name !== builder.origin) giveUp()
    }
  }

  /** The parser's own code for one record the fast path does not read itself. */
  const slow = (scan: Scan): void => {
    const tokens: Token[] = []
    for (let k = 0; k < scan.n; k++) tokens.push({ text: scan.text[k]!, quoted: scan.quoted[k]!, line: scan.line[k]!, column: scan.column[k]! })
    const entry = { tokens, blankStart: scan.blankStart, line: scan.line[0]!, broken: false } as Entry
    parseRecord(entry, state, errors)
    if (errors.errors.length > 0) giveUp()
    for (const record of state.records) add(record)
    state.records.length = 0
  }

  const entry = (scan: Scan): void => {
    const t = scan.text
    const q = scan.quoted
    const end = scan.n
    if (!q[0] && t[0]!.charCodeAt(0) === 0x24) return directive(scan)
    if (scan.escaped) return slow(scan)
    let i = 0
    let owner: string
    if (scan.blankStart) owner = state.prevOwner ?? giveUp()
    else {
      const plain = q[0] ? undefined : plainCanonicalName(t[0]!, state.origin)
      if (plain === undefined) return slow(scan)
      owner = state.prevOwner = plain
      i = 1
    }
    let ttl: number | undefined
    let hasClass = false
    while (i < end && !q[i] && (ttl === undefined || !hasClass)) {
      const word = t[i]!
      if (!hasClass && isClassToken(word)) {
        const cls = word.toUpperCase()
        if (cls !== 'IN' && cls !== 'CLASS1') giveUp()
        hasClass = true
      } else if (ttl === undefined && word.charCodeAt(0) >= 0x30 && word.charCodeAt(0) <= 0x39) {
        const v = parseTtl(word)
        if (typeof v !== 'number') giveUp()
        ttl = v as number
      } else break
      i++
    }
    if (i >= end || q[i]) return slow(scan)
    const type = t[i]!.toUpperCase()
    const rdata = fastRdata(type, t, q, i + 1, end, state.origin)
    if (!rdata) return slow(scan)
    if (type === 'SOA') state.soaMinimum ??= Number(rdata[6])
    if (ttl !== undefined && state.defaultTtl === undefined) state.lastExplicitTtl = ttl
    const resolved = ttl ?? state.defaultTtl ?? state.lastExplicitTtl ?? state.soaMinimum
    if (resolved === undefined) giveUp()
    scratch.name = owner
    scratch.type = type
    scratch.ttl = resolved!
    scratch.rdata = rdata
    scratch.line = scan.line[0]!
    scratch.column = scan.column[0]!
    add(scratch)
  }

  const directive = (scan: Scan): void => {
    const name = scan.text[0]!.toUpperCase()
    if (scan.n !== 2 || scan.quoted[1] || scan.escaped) giveUp()
    const arg = scan.text[1]!
    if (name === '$ORIGIN') {
      const r = parseName(arg, state.origin)
      if ('error' in r) giveUp()
      const labels = (r as { labels: Labels }).labels
      state.origin = labels
      state.zoneOrigin ??= labels
    } else if (name === '$TTL') {
      const v = parseTtl(arg)
      if (typeof v !== 'number') giveUp()
      state.defaultTtl = v as number
    } else giveUp()
  }

  const lines = text.includes('\r') ? text.split(/\r\n|\n|\r/) : text.split('\n')
  const scan: Scan = { text: [], quoted: [], line: [], column: [], n: 0, blankStart: false, paren: false, escaped: false }
  for (let li = 0; li < lines.length; li++) {
    const s = lines[li]!
    if (!scan.paren) {
      scan.n = 0
      scan.escaped = false
      const first = s.charCodeAt(0)
      scan.blankStart = first === 0x20 || first === 0x09
    }
    if (!scanLine(s, li + 1, scan)) return undefined
    if (!scan.paren && scan.n > 0) entry(scan)
  }
  if (scan.paren || !builder || soas !== 1 || breaksCnameRules(flags, flags.length, apexNode)) return undefined
  return { data: builder.finish(), records: builder.size, aliases }
}
