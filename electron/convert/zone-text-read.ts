/**
 * Reads the zone-file formats (bind, aname, route53-text, cloudflare) through the one zone parser.
 * The provider spellings the parser does not know are rewritten in place first, column for column, to a
 * marker type (PTR, which takes one name and has no exclusivity rules); after parsing, the records on
 * marked lines become what the provider meant. So every error keeps its line and column.
 */
import { parseZone, validateZone } from '../zone'
import { ConvertError, firstErrors } from './errors'
import type { AddressFamily, AliasDetails, ConvRecord, ConvZone } from './model'

export type ZoneDialect = 'bind' | 'aname' | 'route53-text' | 'cloudflare'

interface Marked extends AliasDetails {
  kind: 'route53' | 'cname'
  /** Cloudflare's per-record flattening tag on a CNAME below the apex. */
  flatten?: boolean
}

const MARKER = 'PTR'

/** Replaces s[from, to) by `text` padded with blanks to the same width. */
const splice = (s: string, from: number, to: number, text: string): string => s.slice(0, from) + text.padEnd(to - from) + s.slice(to)

/** The unquoted words of a line before its comment, with their columns (quoted strings are skipped whole). */
function codeTokens(line: string): { text: string; start: number; end: number }[] {
  const tokens: { text: string; start: number; end: number }[] = []
  let i = 0
  while (i < line.length) {
    const c = line[i]
    if (c === ';') break
    if (c === ' ' || c === '\t' || c === '(' || c === ')') {
      i++
      continue
    }
    const start = i
    let quoted = false
    while (i < line.length && !/[\s;()]/.test(line[i])) {
      if (line[i] === '\\') i += 2
      else if (line[i] === '"') {
        quoted = true
        i++
        while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1
        i++
      } else i++
    }
    if (!quoted) tokens.push({ text: line.slice(start, i), start, end: i })
  }
  return tokens
}

/** Route 53's text forms: `NAME [TTL] [IN] A|AAAA ALIAS TARGET` and cli53's `NAME [TTL] AWS ALIAS A|AAAA TARGET ZONEID EVAL`. */
function markRoute53(line: string): { line: string; mark?: Marked } {
  const t = codeTokens(line)
  for (let i = 0; i + 1 < t.length; i++) {
    const a = t[i].text.toUpperCase()
    const b = t[i + 1].text.toUpperCase()
    if ((a === 'A' || a === 'AAAA') && b === 'ALIAS') {
      return { line: splice(line, t[i].start, t[i + 1].end, MARKER), mark: { kind: 'route53', families: [a] } }
    }
    if (a === 'AWS' && b === 'ALIAS' && t[i + 2]) {
      const family = t[i + 2].text.toUpperCase()
      if (family !== 'A' && family !== 'AAAA') return { line }
      let out = splice(line, t[i].start, t[i + 2].end, MARKER)
      const mark: Marked = { kind: 'route53', families: [family] }
      const zoneId = t[i + 4]
      const evaluate = t[i + 5]
      if (zoneId) {
        mark.hostedZoneId = zoneId.text
        out = splice(out, zoneId.start, zoneId.end, '')
      }
      if (evaluate) {
        mark.evaluateTargetHealth = evaluate.text.toLowerCase() === 'true'
        out = splice(out, evaluate.start, evaluate.end, '')
      }
      return { line: out, mark }
    }
  }
  return { line }
}

/** Cloudflare: every CNAME is marked, so an apex CNAME can become the flattened alias it is there. */
function markCname(line: string, all = false): { line: string; mark?: Marked } {
  const t = codeTokens(line)
  const i = t.findIndex((tok, n) => n > 0 || /^\s/.test(line) ? tok.text.toUpperCase() === 'CNAME' : false)
  if (i < 0) return { line }
  return { line: splice(line, t[i].start, t[i].end, MARKER), mark: { kind: 'cname', flatten: all || line.includes('cf-flatten-cname') } }
}

export interface ReadZoneOptions {
  file: string
  origin?: string
  /** cloudflare: flatten every CNAME, as Cloudflare's zone-wide "flatten all CNAMEs" setting does. */
  flattenAllCnames?: boolean
}

export function readZoneText(text: string, dialect: ZoneDialect, options: ReadZoneOptions): ConvZone {
  const marks = new Map<number, Marked>()
  let source = text
  if (dialect === 'route53-text' || dialect === 'cloudflare') {
    const mark = dialect === 'route53-text' ? markRoute53 : (line: string) => markCname(line, options.flattenAllCnames === true)
    source = text
      .split(/\r\n|\n|\r/)
      .map((line, i) => {
        const r = mark(line)
        if (r.mark) marks.set(i + 1, r.mark)
        return r.line
      })
      .join('\n')
  }
  const parsed = parseZone(source, { origin: options.origin })
  if (!parsed.zone) {
    const lines = text.split(/\r\n|\n|\r/)
    firstErrors(parsed.errors.map((e) => new ConvertError(options.file, e.line, e.column, explain(e.reason, dialect, lines[e.line - 1] ?? ''))))
  }
  const { origin } = parsed.zone
  const converted: ConvZone = { origin, records: resolveMarks(parsed.zone.records, marks, origin, options.file) }
  const problems = validateZone(converted)
  if (problems.length > 0) firstErrors(problems.map((e) => new ConvertError(options.file, e.line, e.column, e.reason)))
  if (dialect === 'cloudflare') checkCloudflareApex(converted, options.file)
  return converted
}

/** Says which format would accept a line that this one refuses. */
function explain(reason: string, dialect: ZoneDialect, line: string): string {
  if (/CNAME cannot be at the zone apex/.test(reason) && dialect !== 'cloudflare') {
    return `${reason} (the cloudflare format reads an apex CNAME as a flattened alias)`
  }
  const words = codeTokens(line).map((t) => t.text.toUpperCase())
  const route53 = words.some((w, i) => (w === 'A' || w === 'AAAA' || w === 'AWS') && words[i + 1] === 'ALIAS')
  if (route53 && dialect !== 'route53-text') return `${reason} (the route53-text format reads "A ALIAS" and cli53's "AWS ALIAS")`
  if (dialect === 'route53-text' && /A ALIAS|AWS ALIAS/i.test(line)) return `${reason} (route53-text: NAME [TTL] A|AAAA ALIAS TARGET, or NAME AWS ALIAS A|AAAA TARGET ZONEID true|false)`
  return reason
}

function resolveMarks(records: ConvRecord[], marks: Map<number, Marked>, origin: string, file: string): ConvRecord[] {
  const out: ConvRecord[] = []
  const route53ByName = new Map<string, ConvRecord>()
  for (const r of records) {
    const mark = r.type === MARKER ? marks.get(r.line) : undefined
    if (!mark) {
      out.push(r)
      continue
    }
    if (mark.kind === 'cname') {
      out.push(r.name === origin || mark.flatten ? { ...r, type: 'ALIAS', alias: {} } : { ...r, type: 'CNAME' })
      continue
    }
    const previous = route53ByName.get(r.name)
    if (previous) {
      if (previous.rdata[0] !== r.rdata[0]) {
        throw new ConvertError(file, r.line, r.column, `the ${mark.families![0]} alias at ${r.name} points at ${r.rdata[0]}, but the alias at line ${previous.line} points at ${previous.rdata[0]}; one target per name can be converted`)
      }
      previous.alias!.families = [...new Set([...(previous.alias!.families ?? []), ...mark.families!])].sort() as AddressFamily[]
      previous.ttl = Math.min(previous.ttl, r.ttl)
      continue
    }
    const alias: ConvRecord = {
      ...r,
      type: 'ALIAS',
      alias: { families: mark.families, hostedZoneId: mark.hostedZoneId, evaluateTargetHealth: mark.evaluateTargetHealth }
    }
    route53ByName.set(r.name, alias)
    out.push(alias)
  }
  return out
}

/** Cloudflare refuses an apex CNAME beside A or AAAA at the apex (it would have two answers for A). */
function checkCloudflareApex(zone: ConvZone, file: string): void {
  const alias = zone.records.find((r) => r.name === zone.origin && r.type === 'ALIAS')
  if (!alias) return
  const clash = zone.records.find((r) => r.name === zone.origin && (r.type === 'A' || r.type === 'AAAA'))
  if (clash) {
    throw new ConvertError(file, alias.line, alias.column, `Cloudflare does not accept an apex CNAME beside the ${clash.type} record at line ${clash.line}: a name with a CNAME has no other address records`)
  }
}
