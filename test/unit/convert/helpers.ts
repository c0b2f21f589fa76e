import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ConvZone } from '../../../electron/convert'

export const FIXTURES = resolve(__dirname, '../../fixtures/convert')
export const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8')

export interface RRset {
  name: string
  type: string
  ttl: number
  rdata: string[]
}

/** RRsets without positions, sorted, each set's rdata sorted: equal RRsets compare equal. */
export function rrsetsOf(zone: ConvZone, skip: (r: { name: string; type: string }) => boolean = () => false): RRset[] {
  const sets = new Map<string, RRset>()
  for (const r of zone.records) {
    if (skip(r)) continue
    const type = r.type === 'ANAME' ? 'ALIAS' : r.type
    const key = `${r.name} ${type}`
    const set = sets.get(key) ?? { name: r.name, type, ttl: r.ttl, rdata: [] }
    set.ttl = Math.min(set.ttl, r.ttl)
    set.rdata.push(r.rdata.join(' '))
    sets.set(key, set)
  }
  return [...sets.values()].map((s) => ({ ...s, rdata: s.rdata.sort() })).sort((a, b) => `${a.name} ${a.type}`.localeCompare(`${b.name} ${b.type}`))
}
