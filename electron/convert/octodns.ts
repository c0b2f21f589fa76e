/**
 * octoDNS zone YAML (https://github.com/octodns/octodns/blob/main/docs/records.md): a mapping from the
 * owner relative to the zone ('' is the root) to one record or a list of them, each { type, ttl, value(s) }.
 */
import { stringify } from 'yaml'
import { lowerAbsolute, relativeName } from '../dns/names'
import { ConvertError } from './errors'
import { isAlias, warningFor, type ConvRecord, type ConvZone, type ConvertWarning, type ReadResult, type WriteResult } from './model'
import { charStringText, providerManaged, rrsets } from './record-text'
import { isRecord, parseSourceDocument, type Path, type SourceDocument } from './source-document'
import { absoluteName, quoteText, zoneFromRaw, type RawRecord } from './structured-records'

const DEFAULT_TTL = 3600

type Fields = Record<string, unknown>
const VALUE_FIELDS: Record<string, string[]> = {
  MX: ['preference', 'exchange'],
  SRV: ['priority', 'weight', 'port', 'target'],
  CAA: ['flags', 'tag', 'value'],
  NAPTR: ['order', 'preference', 'flags', 'service', 'regexp', 'replacement'],
  DS: ['key_tag', 'algorithm', 'digest_type', 'digest']
}
const QUOTED_FIELDS = new Set(['CAA.value', 'NAPTR.flags', 'NAPTR.service', 'NAPTR.regexp'])
/** Written as they are; the other unquoted fields are numbers. */
const NAME_FIELDS = new Set(['exchange', 'target', 'tag', 'replacement', 'digest'])
const SIMPLE = new Set(['A', 'AAAA', 'NS', 'PTR', 'CNAME', 'ALIAS', 'DNAME', 'TXT', 'SPF'])

/** octoDNS escapes ';' in TXT values as '\;' (its docs: "semicolons must be escaped"). */
const unescapeTxt = (v: string): string => v.replace(/\\;/g, ';')
const escapeTxt = (v: string): string => v.replace(/;/g, '\\;')

function rdataOf(type: string, value: unknown, doc: SourceDocument, path: Path): string {
  if (type === 'TXT' || type === 'SPF') {
    if (typeof value !== 'string') throw doc.error(path, `a ${type} value must be a string`)
    return quoteText(unescapeTxt(value))
  }
  const fields = VALUE_FIELDS[type]
  if (fields) {
    if (!isRecord(value)) throw doc.error(path, `a ${type} value is a mapping with ${fields.join(', ')}`)
    return fields
      .map((f) => {
        const v = (value as Fields)[f]
        if (v === undefined) throw doc.error(path, `this ${type} value has no ${f}`)
        return QUOTED_FIELDS.has(`${type}.${f}`) ? quoteText(String(v)) : String(v)
      })
      .join(' ')
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw doc.error(path, `a ${type} value must be a string`)
  return String(value)
}

export function readOctodns(text: string, file: string, origin: string | undefined): ReadResult {
  const doc = parseSourceDocument(text, file, 'YAML')
  const zoneOrigin = origin ?? /([^/\\]+)\.ya?ml$/i.exec(file)?.[1]
  if (!zoneOrigin) throw new ConvertError(file, 1, 1, 'the zone origin is unknown: octoDNS names it by the file name (example.com.yaml); give --origin')
  const apex = lowerAbsolute(zoneOrigin)
  if (!isRecord(doc.value)) throw doc.error([], 'an octoDNS zone file is a mapping from names to records')
  const raws: RawRecord[] = []
  for (const [owner, entry] of Object.entries(doc.value)) {
    const list = Array.isArray(entry) ? entry : [entry]
    list.forEach((rec, i) => {
      const path: Path = Array.isArray(entry) ? [owner, i] : [owner]
      if (!isRecord(rec) || typeof rec.type !== 'string') throw doc.error(path, `the record at "${owner}" needs a type`)
      const type = rec.type.toUpperCase()
      if (!SIMPLE.has(type) && !VALUE_FIELDS[type]) throw doc.error([...path, 'type'], `octoDNS type ${rec.type} is not converted (supported: ${[...SIMPLE, ...Object.keys(VALUE_FIELDS)].join(', ')})`)
      const ttl = rec.ttl ?? DEFAULT_TTL
      if (typeof ttl !== 'number') throw doc.error([...path, 'ttl'], 'ttl must be a number of seconds')
      const many = rec.values !== undefined
      const values = many ? rec.values : rec.value
      if (values === undefined) throw doc.error(path, `the ${type} record at "${owner}" has neither value nor values`)
      const items = many ? (Array.isArray(values) ? values : [values]) : [values]
      items.forEach((v, j) => {
        const at: Path = many ? [...path, 'values', j] : [...path, 'value']
        raws.push({ name: absoluteName(owner, apex), type, ttl, rdata: rdataOf(type, v, doc, at), at: doc.at(at), ...(type === 'ALIAS' ? { alias: {} } : {}) })
      })
    })
  }
  return zoneFromRaw(raws, apex, file, 'octoDNS zone files have no SOA')
}

function valueOf(r: ConvRecord, warn: (m: string) => void, note: (m: string) => void): unknown {
  const text = (t: string): string | null => charStringText(t, () => warn('a string in it is not UTF-8, which YAML cannot hold'))
  const fields = VALUE_FIELDS[r.type]
  if (fields) {
    const value = fields.map((f, i) => [f, QUOTED_FIELDS.has(`${r.type}.${f}`) ? text(r.rdata[i]) : NAME_FIELDS.has(f) ? r.rdata[i] : Number(r.rdata[i])])
    return Object.fromEntries(value.sort(([a], [b]) => (a! < b! ? -1 : 1)))
  }
  if (r.type !== 'TXT' && r.type !== 'SPF') return r.rdata[0]
  const parts = r.rdata.map(text)
  if (parts.some((p) => p === null)) return null
  if (r.rdata.slice(0, -1).some((t) => new TextEncoder().encode(charStringText(t)!).length !== 255)) {
    note('octoDNS keeps one string per TXT value and splits it every 255 octets; the boundaries between the strings are not kept')
  }
  return escapeTxt(parts.join(''))
}

export function writeOctodns(zone: ConvZone): WriteResult {
  const warnings: ConvertWarning[] = []
  const out: Record<string, Fields[]> = {}
  for (const set of rrsets(zone.records)) {
    const first = set[0]
    if (providerManaged(first, zone, warnings, 'octoDNS does not manage the SOA and manages the root NS only for some providers; not written')) continue
    const type = isAlias(first) ? 'ALIAS' : first.type
    if (!SIMPLE.has(type) && !VALUE_FIELDS[type]) {
      warnings.push(warningFor(first, `octoDNS has no ${type} record type; not written`))
      continue
    }
    let ok = true
    const values = set.map((r) =>
      valueOf(
        r,
        (m) => {
          ok = false
          warnings.push(warningFor(r, `${m}; not written`))
        },
        (m) => warnings.push(warningFor(r, m))
      )
    )
    if (!ok) continue
    const ttl = Math.min(...set.map((r) => r.ttl))
    if (set.some((r) => r.ttl !== ttl)) warnings.push(warningFor(first, `octoDNS has one TTL per record set: ${ttl}`))
    const owner = first.name === zone.origin ? '' : relativeName(first.name, zone.origin)
    const rec: Fields = { type, ttl, ...(values.length === 1 ? { value: values[0] } : { values }) }
    ;(out[owner] ??= []).push(rec)
  }
  const doc: Record<string, Fields | Fields[]> = {}
  for (const [owner, list] of Object.entries(out)) doc[owner] = list.length === 1 ? list[0] : list
  return { text: '---\n' + stringify(doc, { lineWidth: 0 }), warnings }
}
