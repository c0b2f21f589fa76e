/**
 * Records from structured formats (JSON, YAML, dnsconfig.js) go through the one zone parser: each becomes
 * a presentation line, the parser canonicalises and validates it, and any error is mapped back to where
 * the record is in the source.
 */
import { lowerAbsolute } from '../dns/names'
import { parseZone } from '../zone'
import { ConvertError, firstErrors } from './errors'
import { recordLabel, warningFor, type AddressFamily, type AliasDetails, type ConvRecord, type ReadResult } from './model'
import { quoteOctets } from './route53-escapes'

export interface Position {
  line: number
  column: number
}

export interface RawRecord {
  /** Absolute owner name in presentation form (trailing dot). */
  name: string
  type: string
  ttl: number
  /** The rdata in zone-file presentation form. */
  rdata: string
  at: Position
  alias?: AliasDetails
}

const PLACEHOLDER_SOA_TTL = 3600

/**
 * Builds and validates a zone; adds a placeholder SOA (marked synthetic, with a warning that begins with
 * `noSoa`) when the source has none. `absoluteRdata`: names in rdata are absolute even without a trailing
 * dot (Route 53 reads "example.com" so).
 */
export function zoneFromRaw(input: RawRecord[], origin: string, file: string, noSoa: string, absoluteRdata = false): ReadResult {
  const raws = mergeAliases(input, file)
  const bad = raws.find((r) => /[\r\n]/.test(r.rdata) || /[\r\n\s]/.test(r.name))
  if (bad) throw new ConvertError(file, bad.at.line, bad.at.column, `${bad.name} ${bad.type}: a line break or blank in a name or value must be escaped`)
  const hasSoa = raws.some((r) => r.type === 'SOA')
  const lines = [`$ORIGIN ${origin}`]
  if (!hasSoa) lines.push(`@ ${PLACEHOLDER_SOA_TTL} IN SOA ns.invalid. hostmaster.invalid. 1 7200 3600 1209600 3600`)
  if (absoluteRdata) lines.push('$ORIGIN .')
  const first = lines.length + 1
  for (const r of raws) lines.push(`${r.name} ${r.ttl} IN ${r.type} ${r.rdata}`)
  const parsed = parseZone(lines.join('\n'), { origin })
  if (!parsed.zone) {
    firstErrors(
      parsed.errors.map((e) => {
        const raw = raws[e.line - first]
        return new ConvertError(file, raw?.at.line ?? 0, raw?.at.column ?? 0, raw ? `${recordLabel(raw)}: ${e.reason}` : e.reason)
      })
    )
  }
  const records: ConvRecord[] = parsed.zone.records.map((r) => {
    if (r.line < first) return { ...r, line: 0, column: 0, synthetic: true }
    const raw = raws[r.line - first]
    return { ...r, ...raw.at, ...(raw.alias ? { alias: raw.alias } : {}) }
  })
  const warnings = records.filter((r) => r.synthetic).map((r) => warningFor(r, `${noSoa}; a placeholder SOA was added`))
  return { zone: { origin: parsed.zone.origin, records }, warnings }
}

/** A text value as one or more quoted character-strings (split every 255 octets, as octoDNS and Terraform do). */
export function quoteText(value: string): string {
  const bytes = new TextEncoder().encode(value)
  const parts: string[] = []
  for (let i = 0; i < bytes.length || i === 0; i += 255) parts.push(quoteOctets(bytes.subarray(i, i + 255), 10))
  return parts.join(' ')
}

/** Absolute form of a name given relative to `origin` ('' or '@' is the origin; a trailing dot means absolute). */
export function absoluteName(name: string, origin: string): string {
  if (name === '' || name === '@') return origin
  return name.endsWith('.') ? name : `${name}.${origin}`
}

/** Route 53 aliases A and AAAA separately; one ALIAS per name when both point at the same target. */
function mergeAliases(raws: RawRecord[], file: string): RawRecord[] {
  const byName = new Map<string, RawRecord>()
  const out: RawRecord[] = []
  for (const r of raws) {
    if (r.type !== 'ALIAS') {
      out.push(r)
      continue
    }
    const key = lowerAbsolute(r.name)
    const prev = byName.get(key)
    if (!prev || !prev.alias?.families || !r.alias?.families) {
      if (!prev) byName.set(key, r)
      out.push(r)
    } else if (lowerAbsolute(prev.rdata) !== lowerAbsolute(r.rdata)) {
      throw new ConvertError(file, r.at.line, r.at.column, `the alias at ${r.name} points at ${r.rdata}, but the one at line ${prev.at.line} points at ${prev.rdata}; one target per name can be converted`)
    } else {
      prev.alias = { ...prev.alias, families: [...new Set([...prev.alias.families, ...r.alias.families])].sort() as AddressFamily[] }
      prev.ttl = Math.min(prev.ttl, r.ttl)
    }
  }
  return out
}
