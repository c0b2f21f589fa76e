/** Zone-level rules that single lines cannot check: SOA presence, zone bounds, CNAME and ALIAS exclusivity. */
import { ZoneParseError } from './errors'
import type { Zone, ZoneRecord } from './model'
import { isAtOrBelow } from '../dns/names'

const isAliasLike = (r: ZoneRecord): boolean => r.type === 'ALIAS' || r.type === 'ANAME'
// RRSIG and NSEC (here only in RFC 3597 form) may sit beside a CNAME (RFC 4035 §2.5).
const CNAME_COMPANIONS = new Set(['CNAME', 'TYPE46', 'TYPE47'])
const where = (r: ZoneRecord): string => (r.line > 0 ? `line ${r.line}` : 'elsewhere')

export function validateZone(zone: Zone): ZoneParseError[] {
  const errors: ZoneParseError[] = []
  const fail = (r: ZoneRecord, reason: string): void => {
    errors.push(new ZoneParseError(r.line, r.column, reason))
  }
  const { origin } = zone
  const suffix = origin === '.' ? '.' : `.${origin}`
  // Canonical names without escapes are inside exactly when they end in the origin; others take the full check.
  const inside = (name: string): boolean => name === origin || (!name.includes('\\') ? name.endsWith(suffix) : isAtOrBelow(name, origin))
  // Only names holding a CNAME or an ALIAS can break the exclusivity rules: group just those.
  const exclusive = new Set<string>()
  for (const r of zone.records) if (r.type === 'CNAME' || isAliasLike(r)) exclusive.add(r.name)
  const byName = new Map<string, ZoneRecord[]>()
  for (const r of zone.records) {
    if (!inside(r.name)) {
      fail(r, `${r.name} is outside the zone ${origin}`)
      continue
    }
    if (!exclusive.has(r.name)) continue
    const list = byName.get(r.name)
    if (list) list.push(r)
    else byName.set(r.name, [r])
  }

  const soas = zone.records.filter((r) => r.type === 'SOA')
  if (soas.length === 0) errors.push(new ZoneParseError(1, 1, `the zone has no SOA record (one is required at the origin ${origin})`))
  for (const soa of soas) {
    if (soa.name !== origin) fail(soa, `the SOA record must be at the zone origin ${origin}, not at ${soa.name}`)
  }
  const apexSoas = soas.filter((r) => r.name === origin)
  for (const extra of apexSoas.slice(1)) fail(extra, `more than one SOA record (the first is at ${where(apexSoas[0])})`)

  for (const [name, records] of byName) {
    const cnames = records.filter((r) => r.type === 'CNAME')
    const aliases = records.filter(isAliasLike)
    for (const extra of cnames.slice(1)) fail(extra, `more than one CNAME at ${name} (the first is at ${where(cnames[0])})`)
    if (cnames.length > 0) {
      if (name === origin) {
        fail(cnames[0], `a CNAME cannot be at the zone apex ${origin}: it would sit beside the SOA and NS records (RFC 1034 §3.6.2); use ALIAS to flatten the apex`)
      } else {
        const other = records.find((r) => !CNAME_COMPANIONS.has(r.type) && !isAliasLike(r))
        if (other) {
          fail(cnames[0], `a CNAME cannot share ${name} with other data (RFC 1034 §3.6.2, RFC 2181 §10.1): ${other.type} at ${where(other)}`)
        }
      }
      for (const a of aliases) fail(a, `${a.type} cannot share ${name} with a CNAME (${where(cnames[0])}); keep one of them`)
    }
    for (const extra of aliases.slice(1)) {
      fail(extra, `more than one ALIAS/ANAME at ${name} (the first is at ${where(aliases[0])}); a name can alias only one target`)
    }
  }
  return errors
}
