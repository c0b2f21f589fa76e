import type { AliasRecord, Evidence, Family, FamilyComparison, ProviderMatch, SetRelation, StaleWindow, Verdict } from '@shared/inspector'
import { displayName } from '../dns/names'
import { providerLine } from './suggest'
import { aliasRecordEvidence, cdnEvidence, clockTime, earlierSighting, MATCHING, sightingEvidence, staleWindow, unmatched, type StaleContext } from './verdict-stale'

export interface VerdictResolver {
  label: string
  /** Some apex query got a DNS answer (not a timeout or an error). */
  answered: boolean
  /** Canonical target of a CNAME at the apex, when the resolver saw one. */
  apexCname?: string
  a?: FamilyComparison
  aaaa?: FamilyComparison
}

export interface VerdictInput {
  apex: string
  target?: string
  resolvers: readonly VerdictResolver[]
  providers: readonly ProviderMatch[]
  /** Target of an HTTPS AliasMode record at the apex. */
  httpsAliasTarget?: string
  /** The ALIAS/ANAME record the apex zone's own servers served. */
  aliasRecord?: AliasRecord
  /** Recent target sets and TTLs: without them no apex is found stale from history. */
  stale?: StaleContext
}

type ResolverClass = 'match' | 'partial' | 'disjoint' | 'no-data'

function classify(resolver: VerdictResolver): ResolverClass {
  const compared = [resolver.a, resolver.aaaa].filter((c): c is FamilyComparison => !!c && c.relation !== 'no-data')
  if (compared.length === 0) return 'no-data'
  if (compared.every((c) => MATCHING.includes(c.relation))) return 'match'
  if (compared.every((c) => c.relation === 'disjoint')) return 'disjoint'
  return 'partial'
}

const PHRASES: Record<Exclude<SetRelation, 'no-data'>, { stance: Evidence['stance']; text: (f: Family, t: string) => string }> = {
  equal: { stance: 'for', text: (f, t) => `apex ${f} set equals ${t}'s` },
  'apex-subset': { stance: 'for', text: (f, t) => `apex ${f} set is a subset of ${t}'s` },
  'target-subset': { stance: 'for', text: (f, t) => `apex ${f} set contains all of ${t}'s and more` },
  overlap: { stance: 'for', text: (f, t) => `apex ${f} set partly overlaps ${t}'s (CDNs vary their answers)` },
  disjoint: { stance: 'against', text: (f, t) => `apex ${f} set shares no address with ${t}'s` }
}

function familyEvidence(input: VerdictInput, family: Family, target: string): Evidence[] {
  const total = input.resolvers.length
  const of = (n: number): string => `on ${n} of ${total} resolver${total === 1 ? '' : 's'}`
  const comparisons = input.resolvers.map((r) => (family === 'A' ? r.a : r.aaaa)).filter((c): c is FamilyComparison => !!c)
  const out: Evidence[] = []
  for (const relation of Object.keys(PHRASES) as (keyof typeof PHRASES)[]) {
    const n = comparisons.filter((c) => c.relation === relation).length
    if (n > 0) out.push({ stance: PHRASES[relation].stance, text: `${PHRASES[relation].text(family, target)} ${of(n)}` })
  }
  const withData = comparisons.filter((c) => c.relation !== 'no-data')
  const below = withData.filter((c) => c.ttlRelation === 'at-or-below').length
  const above = withData.filter((c) => c.ttlRelation === 'above').length
  if (below > 0) {
    out.push({ stance: 'for', text: `apex ${family} TTL at or below ${target}'s ${of(below)}, as flattening produces` })
  }
  if (above > 0) {
    out.push({ stance: 'neutral', text: `apex ${family} TTL above ${target}'s ${of(above)} (many ALIAS servers cap the apex TTL at the target's)` })
  }
  return out
}

/** Every apex address of a family appears among the target's addresses on some resolver. */
function containedAcrossResolvers(resolvers: readonly VerdictResolver[]): boolean {
  let any = false
  for (const family of ['a', 'aaaa'] as const) {
    const comparisons = resolvers.map((r) => r[family]).filter((c): c is FamilyComparison => !!c && c.relation !== 'no-data')
    if (comparisons.length === 0) continue
    const targets = new Set(comparisons.flatMap((c) => c.target))
    if (!comparisons.every((c) => c.apex.every((address) => targets.has(address)))) return false
    any = true
  }
  return any
}

function providerEvidence(providers: readonly ProviderMatch[]): Evidence[] {
  return providers.map((provider) => ({
    stance: provider.flattening === 'none' ? 'against' : provider.flattening === 'unknown' ? 'neutral' : 'for',
    text: providerLine(provider)
  }))
}

/** The verdict and its evidence, from the per-resolver comparisons. Pure. */
export function decideVerdict(input: VerdictInput): Verdict {
  const apex = displayName(input.apex)
  const answered = input.resolvers.filter((r) => r.answered)
  const providers = providerEvidence(input.providers)
  const alias = input.aliasRecord
  const verdict = (kind: Verdict['verdict'], summary: string, evidence: Evidence[], stale?: StaleWindow[]): Verdict => ({
    verdict: kind,
    summary,
    evidence: [...(alias ? [aliasRecordEvidence(alias, input.target)] : []), ...evidence, ...providers],
    ...(alias ? { aliasRecord: alias } : {}),
    ...(stale && stale.length > 0 ? { stale } : {})
  })
  if (answered.length === 0) return verdict('inconclusive', `Inconclusive: no resolver answered for ${apex}.`, [])

  const cnames = [...new Set(answered.flatMap((r) => (r.apexCname ? [r.apexCname] : [])))]
  if (cnames.length > 0) {
    const to = cnames.map(displayName).join(', ')
    return verdict('inconclusive', `Inconclusive: ${apex} is a plain CNAME to ${to}, not flattened.`, [
      { stance: 'against', text: `the apex has a CNAME to ${to} (RFC 1034 forbids one there): resolvers follow it like any CNAME, no flattening involved` }
    ])
  }
  const evidence: Evidence[] = [{ stance: 'neutral', text: 'no CNAME at the apex (RFC 1034 forbids one there)' }]
  if (!input.target) {
    return verdict('inconclusive', `Inconclusive: no target to compare ${apex} with; give one or pick a suggestion.`, evidence)
  }
  const target = displayName(input.target)
  if (input.httpsAliasTarget && input.httpsAliasTarget === input.target) {
    evidence.push({ stance: 'for', text: `the apex's HTTPS record in AliasMode points to ${target}` })
  }
  evidence.push(...familyEvidence(input, 'A', target), ...familyEvidence(input, 'AAAA', target))

  const classes = input.resolvers.map(classify).filter((c) => c !== 'no-data')
  const count = (c: ResolverClass): number => classes.filter((x) => x === c).length
  if (classes.length === 0) {
    return verdict('inconclusive', `Inconclusive: no resolver gave addresses for both ${apex} and ${target}.`, evidence)
  }
  const contained = containedAcrossResolvers(input.resolvers)
  if (contained && count('match') < classes.length) {
    evidence.push({ stance: 'for', text: `every apex address appears among ${target}'s answers on some resolver (a CDN answering per vantage point)` })
  }
  let kind: Verdict['verdict']
  if (count('disjoint') === 0 || contained) kind = 'likely'
  else if (count('disjoint') === classes.length) kind = 'not-aliased'
  else kind = 'inconclusive'

  // an apex that still serves an earlier target set is stale, even where another family (or resolver) matches
  const stale = staleFindings(input, target)
  if (stale.windows.length > 0 && (kind === 'likely' || stale.explainsAll)) {
    evidence.push(...stale.evidence)
    const by = Math.max(...stale.windows.map((w) => w.followByWallMs))
    return verdict(
      'stale',
      `Stale: ${apex} is aliased to ${target} but still serves an earlier set of its addresses; it must follow by ${clockTime(by)} at the latest.`,
      evidence,
      stale.windows
    )
  }
  if (kind !== 'likely' && stale.explainsAll && stale.cdn.length > 0) {
    evidence.push(...stale.cdn)
    return verdict('likely', `ALIAS / flattening likely: ${apex} follows ${target} (a CDN: its answers vary).`, evidence)
  }
  if (kind !== 'likely' && alias) {
    if (alias.target !== input.target) {
      return verdict('other-target', `Aliased to ${displayName(alias.target)}, not to ${target}: ${apex}'s ALIAS record points there.`, evidence)
    }
    const windows = unexplainedWindows(input, alias)
    if (windows.length > 0) {
      // the zone says the apex follows the target: addresses that differ can only be an answer not yet refreshed
      evidence.push({ stance: 'for', text: `the ALIAS record points at ${target}, so the apex's other addresses are an answer not yet refreshed (the earlier set was not seen by this app)` })
      const by = Math.max(...windows.map((w) => w.followByWallMs))
      return verdict('stale', `Stale: ${apex} has an ALIAS record to ${target} but serves other addresses; it must follow by ${clockTime(by)} at the latest.`, evidence, windows)
    }
  }
  const staticHost = input.providers.length > 0 && input.providers.every((p) => p.flattening === 'none')
  if (kind === 'likely' && staticHost) {
    return verdict('inconclusive', `Inconclusive: ${apex} matches ${target}, but its DNS host has no ALIAS: possibly a static copy.`, evidence)
  }
  if (kind === 'likely') {
    if (alias && alias.target !== input.target) {
      evidence.push({ stance: 'neutral', text: `the ALIAS record points at ${displayName(alias.target)}, which answers like ${target}` })
    }
    return verdict(kind, `ALIAS / flattening likely: ${apex} follows ${target}.`, evidence)
  }
  if (kind === 'not-aliased') {
    return verdict(kind, `Not aliased to ${target}: ${apex}'s addresses are unrelated to ${target}'s.`, evidence)
  }
  return verdict('inconclusive', `Inconclusive: ${apex} matches ${target} on some resolvers and not on others.`, evidence)
}

/** Every resolver whose apex differs from the target, checked against the target sets seen recently. */
function staleFindings(input: VerdictInput, target: string): { windows: StaleWindow[]; evidence: Evidence[]; cdn: Evidence[]; explainsAll: boolean } {
  const ctx = input.stale
  const windows = new Map<Family, StaleWindow>()
  const evidence: Evidence[] = []
  const cdn = new Map<Family, Evidence>()
  let explainsAll = true
  for (const resolver of input.resolvers) {
    for (const c of unmatched([resolver.a, resolver.aaaa])) {
      const found = ctx ? earlierSighting(c.apex, c.target, c.family, ctx) : undefined
      if (!found || !ctx) {
        explainsAll = false
        continue
      }
      const { sighting } = found
      if (!found.replaced) {
        if (!cdn.has(c.family)) cdn.set(c.family, cdnEvidence(c.family, target, c.apex, sighting))
        continue
      }
      if (windows.has(c.family)) continue
      const window = staleWindow(c.family, c.apex, sighting, ctx, input.aliasRecord?.ttl)
      windows.set(c.family, window)
      evidence.push(sightingEvidence(c.family, target, sighting, window))
    }
  }
  return { windows: [...windows.values()], evidence, cdn: [...cdn.values()], explainsAll }
}

/** With an ALIAS record but no sighting: the apex is stale since now at the latest. */
function unexplainedWindows(input: VerdictInput, alias: AliasRecord): StaleWindow[] {
  const ctx: StaleContext = input.stale ?? { nowWallMs: Date.now(), policy: 'min', recentTargetSets: {}, targetTtl: {}, apexTtl: {} }
  const seen = new Map<Family, StaleWindow>()
  for (const resolver of input.resolvers) {
    for (const c of unmatched([resolver.a, resolver.aaaa])) {
      if (!seen.has(c.family)) seen.set(c.family, staleWindow(c.family, c.apex, undefined, ctx, alias.ttl, c.targetTtl ?? alias.ttl))
    }
  }
  return [...seen.values()]
}
