/** The region editor's draft: text fields as typed, to and from the geo file the lab serves. */
import { geoFileSchema, type GeoFile } from '@shared/geo'

export interface DraftRegion {
  name: string
  prefix: string
  a: string
  aaaa: string
}

export interface GeoDraft {
  target: string
  ttl: string
  defaultA: string
  defaultAaaa: string
  regions: DraftRegion[]
}

const list = (text: string): string[] | undefined => {
  const items = text.split(/[\s,]+/).filter(Boolean)
  return items.length > 0 ? items : undefined
}
const text = (items: readonly string[] | undefined) => (items ?? []).join(', ')

/** The first target of a geo file as a draft. */
export function draftOf(geo: GeoFile): GeoDraft {
  const [target, t] = Object.entries(geo.targets)[0]!
  return {
    target,
    ttl: String(t.ttl),
    defaultA: text(t.default.A),
    defaultAaaa: text(t.default.AAAA),
    regions: t.regions.map((r) => ({ name: r.name, prefix: r.prefix, a: text(r.A), aaaa: text(r.AAAA) }))
  }
}

/** The draft as a geo file, checked with the same schema as the server's; problems as "where: what". */
export function geoOf(draft: GeoDraft): { geo: GeoFile; problems: [] } | { geo: null; problems: string[] } {
  const ttl = /^\d+$/.test(draft.ttl.trim()) ? Number(draft.ttl) : Number.NaN
  const input = {
    targets: {
      [draft.target]: {
        ttl,
        default: { ...(list(draft.defaultA) ? { A: list(draft.defaultA) } : {}), ...(list(draft.defaultAaaa) ? { AAAA: list(draft.defaultAaaa) } : {}) },
        regions: draft.regions.map((r) => ({
          name: r.name.trim(),
          prefix: r.prefix.trim(),
          ...(list(r.a) ? { A: list(r.a) } : {}),
          ...(list(r.aaaa) ? { AAAA: list(r.aaaa) } : {})
        }))
      }
    }
  }
  const parsed = geoFileSchema.safeParse(input)
  if (parsed.success) return { geo: parsed.data, problems: [] }
  return { geo: null, problems: parsed.error.issues.slice(0, 6).map((i) => `${where(draft, i.path)}: ${i.message}`) }
}

function where(draft: GeoDraft, path: readonly PropertyKey[]): string {
  const [, , field, index, key] = path
  if (field === 'ttl') return 'TTL'
  if (field === 'default') return `default ${String(index ?? '')}`.trim()
  if (field === 'regions' && typeof index === 'number') return `region ${draft.regions[index]?.name || index + 1}${key ? ` ${String(key)}` : ''}`
  return path.map(String).join('.') || 'regions'
}
