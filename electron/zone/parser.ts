/** Zone text -> records: owner, TTL, class and type of each entry, then the type's rdata parser. */
import { applyDirective, isDirective, type DirectiveState } from './directives'
import { ErrorCollector, ZoneParseError } from './errors'
import { genericTokens, isGenericMarker, parseGenericRdata, wireToPresentation } from './generic-rdata'
import type { ParseZoneOptions, Zone, ZoneRecord } from './model'
import { labelsToText, parseName, plainCanonicalName } from '../dns/names'
import { Fields, rdataParsers, type RdataContext } from './rdata-validators'
import { isClassToken, isKnownType, TYPE_CODES, typeCode, typeName, type KnownType } from './record-types'
import { validateZone } from './semantic-rules'
import { tokenize, type Entry, type Token } from './tokenizer'
import { MAX_TTL, parseTtl } from './ttl'

const META_TYPES = new Map([
  [0, 'reserved'],
  [41, 'OPT'],
  [249, 'TKEY'],
  [250, 'TSIG'],
  [251, 'IXFR'],
  [252, 'AXFR'],
  [253, 'MAILB'],
  [254, 'MAILA'],
  [255, 'ANY'],
  [65535, 'reserved']
])
const SUPPORTED = Object.keys(TYPE_CODES).join(', ')

/** What parsing one record reads and updates (exported for the zone byte path's fallback per record). */
export interface RecordState extends DirectiveState {
  prevOwner: string | null
  lastExplicitTtl: number | undefined
  soaMinimum: number | undefined
  records: ZoneRecord[]
}

export function parseZone(text: string, options: ParseZoneOptions = {}): { zone?: Zone; errors: ZoneParseError[] } {
  const errors = new ErrorCollector(options.maxErrors)
  const state: RecordState = {
    origin: null,
    zoneOrigin: null,
    defaultTtl: undefined,
    prevOwner: null,
    lastExplicitTtl: undefined,
    soaMinimum: undefined,
    records: []
  }
  if (options.origin !== undefined) {
    const r = parseName(options.origin.endsWith('.') ? options.origin : options.origin + '.', null)
    if ('error' in r) errors.add(1, 1, `the origin option "${options.origin}" is not a domain name: ${r.error}`)
    else state.origin = state.zoneOrigin = r.labels
  }
  if (options.defaultTtl !== undefined) {
    const ttl = options.defaultTtl
    if (Number.isInteger(ttl) && ttl >= 0 && ttl <= MAX_TTL) state.defaultTtl = ttl
    else errors.add(1, 1, `the defaultTtl option ${ttl} is not a TTL (0-${MAX_TTL})`)
  }

  for (const entry of tokenize(text, errors)) {
    if (errors.full) break
    if (entry.broken) continue
    if (isDirective(entry)) applyDirective(entry, state, errors)
    else parseRecord(entry, state, errors)
  }

  const syntaxErrors = errors.errors.length
  const firstSoa = state.records.find((r) => r.type === 'SOA')
  const origin = state.zoneOrigin ? labelsToText(state.zoneOrigin) : firstSoa?.name
  if (!origin) {
    if (syntaxErrors === 0) errors.add(1, 1, 'cannot tell the zone origin: add a $ORIGIN line or an SOA record with an absolute owner')
  } else if (!errors.full) {
    for (const e of validateZone({ origin, records: state.records })) {
      // A broken SOA line already has its own error; "no SOA" on top of it is noise.
      if (syntaxErrors > 0 && e.line === 1 && e.column === 1 && /no SOA/.test(e.reason)) continue
      errors.add(e.line, e.column, e.reason)
    }
  }
  const sorted = [...errors.errors].sort((a, b) => a.line - b.line || a.column - b.column)
  if (sorted.length > 0 || !origin) return { errors: sorted }
  return { zone: { origin, records: state.records }, errors: [] }
}

/** One record's rdata context: a class rather than closures, since a zone has hundreds of thousands of records. */
class RecordContext implements RdataContext {
  ok = true

  constructor(
    readonly type: string,
    readonly origin: RdataContext['origin'],
    readonly anchor: Token,
    private readonly errors: ErrorCollector
  ) {}

  error(at: Token, reason: string): void {
    this.ok = false
    this.errors.add(at.line, at.column, reason)
  }
}

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39

const failAt = (errors: ErrorCollector, t: Token, reason: string): void => errors.add(t.line, t.column, reason)

/** A record's TTL: its own, else $TTL, else the last one given (RFC 1035 §5.1), else the SOA minimum (RFC 2308 §4). */
export function resolveTtl(state: RecordState, ttl: number | undefined): number | undefined {
  if (ttl !== undefined && state.defaultTtl === undefined) state.lastExplicitTtl = ttl
  return ttl ?? state.defaultTtl ?? state.lastExplicitTtl ?? state.soaMinimum
}

export function parseRecord(entry: Entry, state: RecordState, errors: ErrorCollector): void {
  const tokens = entry.tokens
  let i = 0
  let owner: string
  if (entry.blankStart) {
    if (!state.prevOwner) return failAt(errors, tokens[0], 'this line starts with a blank, which means "same owner as the previous record", but there is no previous record')
    owner = state.prevOwner
  } else {
    const t = tokens[0]
    if (t.quoted) return failAt(errors, t, 'an owner name cannot be a quoted string')
    const plain = plainCanonicalName(t.text, state.origin)
    if (plain !== undefined) owner = plain
    else {
      const r = parseName(t.text, state.origin)
      if ('error' in r) return failAt(errors, t, `owner name: ${r.error}`)
      owner = labelsToText(r.labels)
    }
    state.prevOwner = owner
    i = 1
  }

  let ttl: number | undefined
  let hasClass = false
  while (i < tokens.length && !tokens[i].quoted && (ttl === undefined || !hasClass)) {
    const t = tokens[i]
    if (!hasClass && isClassToken(t.text)) {
      const cls = t.text.toUpperCase()
      if (cls !== 'IN' && cls !== 'CLASS1') return failAt(errors, t, `class ${cls} is not supported (only IN)`)
      hasClass = true
    } else if (ttl === undefined && isDigitCode(t.text.charCodeAt(0))) {
      const v = parseTtl(t.text)
      if (typeof v !== 'number') return failAt(errors, t, v.error)
      ttl = v
    } else break
    i++
  }

  const typeToken = tokens[i]
  if (!typeToken) return failAt(errors, tokens[tokens.length - 1], 'the record type is missing')
  const code = typeToken.quoted ? null : typeCode(typeToken.text)
  if (code === null) {
    return failAt(errors, typeToken, `"${typeToken.text}" is not a supported record type (supported: ${SUPPORTED}; others as TYPEnnn \\# <length> <hex>)`)
  }
  if (META_TYPES.has(code)) return failAt(errors, typeToken, `TYPE${code} (${META_TYPES.get(code)}) cannot appear in zone data`)
  // ANAME shares ALIAS's code, so keep the mnemonic as written when it is one.
  const upper = typeToken.text.toUpperCase()
  const type = isKnownType(upper) ? upper : typeName(code)

  const rdataTokens = tokens.slice(i + 1)
  const ctx = new RecordContext(type, state.origin, typeToken, errors)
  let rdata: string[]
  if (isGenericMarker(rdataTokens[0])) {
    const wire = parseGenericRdata(rdataTokens, (at, reason) => ctx.error(at, reason))
    if (!wire) return
    if (!isKnownType(type)) {
      rdata = genericTokens(wire)
    } else {
      let presentation: string[]
      try {
        presentation = wireToPresentation(type, wire)
      } catch (e) {
        return failAt(errors, rdataTokens[0], `RFC 3597 data is not valid ${type} rdata: ${(e as Error).message}`)
      }
      const at = rdataTokens[0]
      const synthetic = presentation.map((text): Token => {
        const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"')
        return { text: quoted ? text.slice(1, -1) : text, quoted, line: at.line, column: at.column }
      })
      rdata = rdataParsers[type](new Fields(synthetic, ctx))
    }
  } else if (!isKnownType(type)) {
    return failAt(errors, rdataTokens[0] ?? typeToken, `${type} has no presentation format here; write its data as \\# <length> <hex> (RFC 3597)`)
  } else {
    rdata = rdataParsers[type as KnownType](new Fields(rdataTokens, ctx))
  }
  if (!ctx.ok) return

  if (type === 'SOA') state.soaMinimum ??= Number(rdata[6])
  const resolvedTtl = resolveTtl(state, ttl)
  if (resolvedTtl === undefined) return failAt(errors, typeToken, 'this record has no TTL: give it one or add a $TTL line before it')

  state.records.push({
    name: owner,
    type,
    ttl: resolvedTtl,
    class: 'IN',
    rdata,
    line: tokens[0].line,
    column: tokens[0].column
  })
}
