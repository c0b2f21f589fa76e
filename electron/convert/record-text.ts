/** Helpers over canonical rdata tokens that the structured writers share. */
import { unquoteCharString } from '../zone/char-strings'
import { isAlias, warningFor, type ConvRecord, type ConvZone, type ConvertWarning } from './model'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The text of a canonical quoted string, or null (after `notUtf8`) when its octets are not UTF-8 (a JSON or YAML string cannot hold them). */
export function charStringText(token: string, notUtf8?: () => void): string | null {
  try {
    return strictUtf8.decode(unquoteCharString(token))
  } catch {
    notUtf8?.()
    return null
  }
}

/** Records grouped by owner and type, in first-seen order. */
export function rrsets(records: ConvRecord[]): ConvRecord[][] {
  const sets = new Map<string, ConvRecord[]>()
  for (const r of records) {
    const key = `${r.name} ${isAlias(r) ? 'ALIAS' : r.type}`
    const list = sets.get(key)
    if (list) list.push(r)
    else sets.set(key, [r])
  }
  return [...sets.values()]
}

/** The SOA and apex NS, which providers run themselves: true, with the warning unless a reader made the record up. */
export function providerManaged(r: ConvRecord, zone: ConvZone, warnings: ConvertWarning[], warning: string): boolean {
  if (r.type !== 'SOA' && (r.type !== 'NS' || r.name !== zone.origin)) return false
  if (!r.synthetic) warnings.push(warningFor(r, warning))
  return true
}
