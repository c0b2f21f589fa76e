/**
 * Which provider profiles an apex's behaviour fits, from what can be observed without harming the
 * domain: the apex TTL against the target's and the ALIAS record's, the NS names, the answer to a
 * query for the alias type, and what the alias points at. A profile is ruled out only by a clear
 * contradiction (TTLs compared with 1 s of slack); everything else stays consistent.
 */
import type { Behaviour } from '@shared/inspector'
import { constantTtl, type Profile } from '@shared/providers'
import { detectProviders, isOwnResource, PROFILES, PROVIDERS } from '../providers'
import { isAtOrBelow } from '../dns/names'

export interface BehaviourInput {
  apex: string
  target?: string
  /** The apex's A (else AAAA) TTL, as its own servers serve it when known. */
  apexTtl?: number
  apexTtlFrom?: string
  /** The target's TTL (the largest any resolver reported). */
  targetTtl?: number
  /** The ALIAS record, when a query for type 65401 returned it. */
  aliasRecordTtl?: number
  /** What a query for type 65401 got: the record, an empty answer, or nothing usable. */
  aliasTypeAnswer: 'record' | 'empty' | 'unknown'
  nsNames: string[]
}

const SLACK = 1
const shortName = (p: Profile): string => p.name.replace(/ \(.*\)$/, '')

function ttlContradiction(p: Profile, i: BehaviourInput): string | null {
  const apex = i.apexTtl
  if (apex === undefined) return null
  const rule = p.ttl.value
  const { targetTtl: t, aliasRecordTtl: r } = i
  const constant = constantTtl(rule)
  if (constant !== null) return Math.abs(apex - constant) > SLACK ? `the apex TTL is ${apex} s; ${shortName(p)} always serves ${constant} s` : null
  if (rule === 'record') return r !== undefined && Math.abs(apex - r) > SLACK ? `the apex TTL (${apex} s) is not the ALIAS record's (${r} s), which ${shortName(p)} serves` : null
  if (rule === 'passthrough') return t !== undefined && apex > t + SLACK ? `the apex TTL (${apex} s) exceeds the target's (${t} s); ${shortName(p)} serves the target's` : null
  const bound = Math.min(t ?? Infinity, r ?? Infinity)
  if (apex > bound + SLACK) {
    const which = r !== undefined && r === bound ? `the ALIAS record's (${r} s)` : `the target's (${t} s)`
    return `the apex TTL (${apex} s) exceeds ${which}; ${shortName(p)} serves the lower of the two`
  }
  return null
}

export function inferBehaviour(i: BehaviourInput): Behaviour {
  const evidence: string[] = []
  const matched = detectProviders(i.nsNames)
  if (i.nsNames.length > 0) {
    evidence.push(`NS names ${i.nsNames.join(', ')}: ${matched.length > 0 ? matched.map((m) => m.name).join(', ') : 'no known provider (self-hosted?)'}`)
  }
  if (i.apexTtl !== undefined) evidence.push(`apex TTL ${i.apexTtl} s${i.apexTtlFrom ? ` (${i.apexTtlFrom})` : ''}`)
  if (i.targetTtl !== undefined) evidence.push(`target TTL ${i.targetTtl} s`)
  if (i.aliasTypeAnswer === 'record') evidence.push(`a query for type ALIAS (65401) returned the record${i.aliasRecordTtl !== undefined ? `, TTL ${i.aliasRecordTtl} s` : ''}`)
  if (i.aliasTypeAnswer === 'empty') evidence.push('a query for type ALIAS (65401) got an empty answer')
  if (i.target) evidence.push(`the alias points at ${i.target}${isAtOrBelow(i.target, i.apex) ? ' (in the same zone)' : ''}`)

  const fingerprinted = new Set(PROVIDERS.map((p) => p.id))
  const consistentWith: Behaviour['consistentWith'] = []
  const ruledOut: Behaviour['ruledOut'] = []
  for (const p of PROFILES) {
    const reasons: string[] = []
    if (i.nsNames.length > 0) {
      if (matched.length > 0 && !matched.some((m) => m.id === p.id)) reasons.push(`the NS names belong to ${matched.map((m) => m.name).join(', ')}`)
      else if (matched.length === 0 && fingerprinted.has(p.id)) reasons.push(`the NS names are none of ${shortName(p)}'s`)
    }
    if (i.aliasTypeAnswer === 'record' && p.aliasTypeQuery.value === 'nodata') reasons.push(`a query for type ALIAS returned the record; ${shortName(p)} answers it empty`)
    if (i.aliasTypeAnswer === 'empty' && p.aliasTypeQuery.value === 'record') reasons.push(`a query for type ALIAS got an empty answer; ${shortName(p)} returns the record`)
    if (i.target && p.targets.value === 'own-resources-or-same-zone' && !isAtOrBelow(i.target, i.apex) && !isOwnResource(p.id, i.target)) {
      reasons.push(`${i.target} is neither a ${shortName(p)} resource nor in the same zone`)
    }
    const ttl = ttlContradiction(p, i)
    if (ttl) reasons.push(ttl)
    if (reasons.length === 0) consistentWith.push(p.id)
    else ruledOut.push({ profile: p.id, because: reasons.join('; ') })
  }
  return { consistentWith, ruledOut, evidence }
}
