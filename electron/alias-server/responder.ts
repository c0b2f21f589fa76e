/**
 * The authoritative answer to one question (the slow path): zone lookup with delegations,
 * wildcards (RFC 4592), in-zone CNAME chains, negative answers with the SOA (RFC 2308), and ALIAS
 * expansion. Its plan is encoded once and then served from the answer cache until it expires.
 */
import { CLASSES, RCODES, RR_TYPES } from '@shared/dns-codes'
import type { AliasSettings, CacheStatus } from '@shared/alias-server'
import { isAtOrBelow } from '../zone'
import { additionalRecords } from './additional-section'
import { resolveAlias, MAX_CHAIN, type AliasResolution, type ResolveContext } from './alias-resolver'
import { failureRuleText, missingRuleText, ttlRuleText } from './rule-text'
import { servedTtl, targetTtlOf } from './ttl-policy'
import type { TargetSnapshot } from './target-cache'
import { EDE_OTHER, EDE_STALE_ANSWER, EDE_STALE_NXDOMAIN } from './upstream/types'
import type { DynamicTtl, Ede, WireRecord } from './wire/message-builder'
import { aliasFor, type CompiledZone, type Node, type RRset } from './zone-set'

export interface Question {
  /** Canonical (lower-case) name. */
  name: string
  qtype: number
  qclass: number
  /** ANY over UDP: one RRset, not all (RFC 8482 §4.1), so ANY cannot amplify. */
  minimalAny?: boolean
}

export interface Plan {
  rcode: number
  aa: boolean
  answer: WireRecord[]
  authority: WireRecord[]
  additional: WireRecord[]
  /** Optional Additional records (RFC 1034 §4.3.2 step 6): left out, never TC, when UDP has no room. */
  extra?: WireRecord[]
  ede: Ede[]
  /** What the answer was built from: it is valid while each entry keeps the version read. */
  deps: TargetSnapshot[]
  /** Until when the encoded answer may be reused (ms since the epoch); Infinity: until the zones change. */
  validUntil: number
  cache: CacheStatus
  rttMs: number | null
  /** The profile rule that produced the answer, in words (ALIAS answers only). */
  rule?: string
}

const newPlan = (): Plan => ({
  rcode: RCODES.NOERROR,
  aa: true,
  answer: [],
  authority: [],
  additional: [],
  ede: [],
  deps: [],
  validUntil: Number.POSITIVE_INFINITY,
  cache: 'none',
  rttMs: null
})

function addSet(section: WireRecord[], set: RRset, owner: string, ttl = set.ttl, dynamic?: DynamicTtl): void {
  set.rdata.forEach((rdata, i) => section.push({ owner, type: set.type, ttl, rdata, text: set.texts[i]!, ...(dynamic ? { dynamic } : {}) }))
}

function negative(plan: Plan, zone: CompiledZone, rcode: number, dynamic?: DynamicTtl, ttl = zone.negativeTtl): Plan {
  plan.rcode = rcode
  addSet(plan.authority, zone.soa, zone.origin, ttl, dynamic)
  return plan
}

function servfail(plan: Plan, text: string, code = EDE_OTHER): Plan {
  plan.rcode = RCODES.SERVFAIL
  plan.answer = []
  plan.authority = []
  plan.additional = []
  plan.ede.push({ code, text })
  return plan
}

function referral(plan: Plan, zone: CompiledZone, cut: string): Plan {
  plan.aa = false
  const ns = zone.node(cut)!.get(RR_TYPES.NS)!
  addSet(plan.authority, ns, cut)
  for (const record of ns.records) {
    const host = record.rdata[0]!
    if (!isAtOrBelow(host, cut)) continue
    const node = zone.node(host)
    for (const type of [RR_TYPES.A, RR_TYPES.AAAA]) {
      const glue = node?.get(type)
      if (glue) addSet(plan.additional, glue, host)
    }
  }
  return plan
}

function merge(plan: Plan, r: AliasResolution): void {
  plan.deps.push(...r.deps)
  plan.validUntil = Math.min(plan.validUntil, r.validUntil)
  if (r.rttMs !== null) plan.rttMs = Math.max(plan.rttMs ?? 0, r.rttMs)
  const rank: CacheStatus[] = ['none', 'hit', 'refresh', 'miss', 'stale']
  if (rank.indexOf(r.cache) > rank.indexOf(plan.cache)) plan.cache = r.cache
}

/**
 * Applies one ALIAS expansion (type A or AAAA) to the plan. Returns false when the whole response
 * must become SERVFAIL (the plan is already turned into it).
 */
function applyAlias(plan: Plan, settings: AliasSettings, owner: string, node: Node, type: number, r: AliasResolution, now: number): boolean {
  merge(plan, r)
  const result = r.result
  switch (result.kind) {
    case 'addresses': {
      let ttl = result.ttl
      if (r.stale) ttl = settings.staleTtl
      else if (result.dynamic) {
        const data = result.dynamic.source.data!
        ttl = servedTtl(settings.ttlPolicy, result.dynamic.cap, targetTtlOf(settings.ttlPolicy, data), data.fetchedAt, now)
      }
      result.rdata.forEach((rdata, i) =>
        plan.answer.push({ owner, type, ttl, rdata, text: result.addresses[i]!, ...(result.dynamic ? { dynamic: result.dynamic } : {}) })
      )
      if (r.stale) {
        plan.ede.push({ code: EDE_STALE_ANSWER, text: `Stale Answer: ${r.stale.message}` })
        plan.rule ??= failureRuleText(settings, r.stale, 'stale')
      } else plan.rule ??= ttlRuleText(settings)
      return true
    }
    case 'missing': {
      const rule = (result.nxdomain ? settings.onTargetNxdomain : null) ?? settings.onTargetMissing
      if (rule === 'servfail') {
        servfail(plan, `ALIAS target ${result.target} is ${result.nxdomain ? 'NXDOMAIN' : 'NODATA'}`)
        plan.rule = missingRuleText(settings, result.nxdomain, true)
        return false
      }
      plan.rule ??= missingRuleText(settings, result.nxdomain, false)
      if (r.stale) plan.ede.push({ code: result.nxdomain ? EDE_STALE_NXDOMAIN : EDE_STALE_ANSWER, text: `Stale Answer: ${r.stale.message}` })
      return true
    }
    case 'failure': {
      const fallback = node.get(type)
      if (fallback) {
        addSet(plan.answer, fallback, owner)
        plan.ede.push({ code: EDE_OTHER, text: `ALIAS target unresolvable, static ${type === RR_TYPES.A ? 'A' : 'AAAA'} served: ${result.error.message}` })
        plan.rule ??= failureRuleText(settings, result.error, 'static')
        return true
      }
      if (failsEmpty(settings)) {
        plan.ede.push({ code: result.error.ede, text: result.error.message })
        plan.rule ??= failureRuleText(settings, result.error, 'empty')
        return true
      }
      servfail(plan, result.error.message, result.error.ede)
      plan.rule = failureRuleText(settings, result.error, 'servfail')
      return false
    }
    default:
      servfail(plan, result.text)
      return false
  }
}

/** An upstream failure with nothing stale to serve becomes an empty NOERROR (DNSimple's "empty result set"). */
const failsEmpty = (s: AliasSettings): boolean => s.onUpstreamFailure === 'nodata' || (s.onUpstreamFailure === 'stale' && s.staleFallback === 'nodata')

/** The NODATA form of a missing target: the SOA, its TTL counting down with the target's negative TTL. */
function missingSoa(plan: Plan, zone: CompiledZone, settings: AliasSettings, r: AliasResolution, now: number): Plan {
  const result = r.result
  if (result.kind !== 'missing') return plan
  if (result.dynamic) {
    const dynamic = { source: result.dynamic.source, cap: zone.negativeTtl }
    const data = dynamic.source.data!
    return negative(plan, zone, RCODES.NOERROR, dynamic, servedTtl(settings.ttlPolicy, dynamic.cap, data.ttl, data.fetchedAt, now))
  }
  return negative(plan, zone, RCODES.NOERROR, undefined, Math.min(zone.negativeTtl, r.stale ? settings.staleTtl : result.negativeTtl))
}

async function answerAlias(ctx: ResolveContext, plan: Plan, zone: CompiledZone, owner: string, node: Node, alias: RRset, qtype: number, visited: string[], hops: number): Promise<Plan> {
  const target = alias.records[0]!.rdata[0]!
  const r = await resolveAlias(ctx, owner, target, alias.ttl, qtype === RR_TYPES.A ? 'A' : 'AAAA', visited, hops)
  const now = Date.now()
  if (!applyAlias(plan, ctx.settings, owner, node, qtype, r, now)) return plan
  if (r.result.kind === 'missing') return missingSoa(plan, zone, ctx.settings, r, now)
  if (r.result.kind === 'failure' && plan.answer.length === 0) return negative(plan, zone, RCODES.NOERROR)
  return plan
}

async function answerAny(ctx: ResolveContext, plan: Plan, owner: string, node: Node, visited: string[], hops: number): Promise<Plan> {
  const alias = node.get(RR_TYPES.ALIAS)
  // a family-limited alias (Route 53) leaves the other family's static records in place
  const aliased = (type: number): boolean => (type === RR_TYPES.A || type === RR_TYPES.AAAA) && aliasFor(node, type) !== undefined
  for (const set of node.values()) {
    if (set.type === RR_TYPES.ALIAS || aliased(set.type)) continue
    addSet(plan.answer, set, owner)
  }
  if (!alias) return plan
  const target = alias.records[0]!.rdata[0]!
  const types = [RR_TYPES.A, RR_TYPES.AAAA].filter(aliased)
  const resolutions = await Promise.all(types.map((t) => resolveAlias(ctx, owner, target, alias.ttl, t === RR_TYPES.A ? 'A' : 'AAAA', visited, hops)))
  const now = Date.now()
  // a target without one of the address types contributes none of it; only a target with
  // neither is "missing" in the sense of onTargetMissing
  const bothMissing = resolutions.every((r) => r.result.kind === 'missing')
  const missingAsData = { ...ctx.settings, onTargetMissing: 'nodata' as const, onTargetNxdomain: null }
  for (const [type, r] of types.map((t, i) => [t, resolutions[i]!] as const)) {
    const settings = r.result.kind === 'missing' && !bothMissing ? missingAsData : ctx.settings
    if (!applyAlias(plan, settings, owner, node, type, r, now)) return plan
  }
  return plan
}

/**
 * RFC 8482 §4.1: one RRset of the node. The addresses first (expanded through the ALIAS when there is
 * one, which is what ANY askers such as old mail servers want), else the node's first RRset.
 */
function answerMinimalAny(ctx: ResolveContext, plan: Plan, zone: CompiledZone, owner: string, node: Node, visited: string[]): Plan | Promise<Plan> {
  const alias = node.get(RR_TYPES.ALIAS)
  if (alias) return answerAlias(ctx, plan, zone, owner, node, alias, RR_TYPES.A, visited, visited.length)
  const chosen = node.get(RR_TYPES.A) ?? node.get(RR_TYPES.AAAA) ?? node.values().next().value
  if (chosen) addSet(plan.answer, chosen, owner)
  return plan
}

/** Answers `q` from the zones; awaits the upstream only for ALIAS expansion. */
export async function respond(ctx: ResolveContext, q: Question): Promise<Plan> {
  const plan = await answer(ctx, q)
  if (plan.aa && plan.rcode === RCODES.NOERROR && plan.answer.length > 0) {
    const zone = ctx.zones.find(q.name)
    const extra = zone ? additionalRecords(plan.answer, zone) : []
    if (extra.length > 0) plan.extra = extra
  }
  return plan
}

async function answer(ctx: ResolveContext, q: Question): Promise<Plan> {
  const plan = newPlan()
  if (q.qtype === RR_TYPES.OPT) return { ...plan, aa: false, rcode: RCODES.FORMERR }
  const zone = q.qclass === CLASSES.IN ? ctx.zones.find(q.name) : null
  if (!zone || q.qtype === RR_TYPES.AXFR || q.qtype === RR_TYPES.IXFR) return { ...plan, aa: false, rcode: RCODES.REFUSED }
  const visited: string[] = []
  let current = q.name
  for (;;) {
    const cut = zone.findCut(current)
    if (cut && !(cut === current && q.qtype === RR_TYPES.DS)) return visited.length === 0 ? referral(plan, zone, cut) : plan
    let node = zone.node(current)
    if (!node) {
      const w = zone.lookupWildcard(current)
      if (w.emptyNonTerminal) return negative(plan, zone, RCODES.NOERROR)
      node = w.wildcardOwner ? zone.node(w.wildcardOwner) : undefined
      if (!node) return negative(plan, zone, RCODES.NXDOMAIN)
    }
    const alias = q.qtype === RR_TYPES.A || q.qtype === RR_TYPES.AAAA ? aliasFor(node, q.qtype) : node.get(RR_TYPES.ALIAS)
    if (q.qtype === RR_TYPES.ANY) {
      return q.minimalAny ? answerMinimalAny(ctx, plan, zone, current, node, visited) : answerAny(ctx, plan, current, node, visited, visited.length)
    }
    if (alias && (q.qtype === RR_TYPES.A || q.qtype === RR_TYPES.AAAA)) {
      return answerAlias(ctx, plan, zone, current, node, alias, q.qtype, visited, visited.length)
    }
    if (q.qtype === RR_TYPES.ALIAS && alias && ctx.settings.aliasTypeQuery === 'nodata') return negative(plan, zone, RCODES.NOERROR)
    const set = node.get(q.qtype)
    if (set) {
      addSet(plan.answer, set, current)
      return plan
    }
    const cname = node.get(RR_TYPES.CNAME)
    if (!cname || q.qtype === RR_TYPES.CNAME) return negative(plan, zone, RCODES.NOERROR)
    addSet(plan.answer, cname, current)
    visited.push(current)
    const next = cname.records[0]!.rdata[0]!
    // a plain CNAME chain stops at the zone's edge, at a loop or after MAX_CHAIN links (the
    // resolver carries on); only a chain ending in an ALIAS expansion turns these into SERVFAIL
    if (visited.length >= MAX_CHAIN || visited.includes(next) || ctx.zones.find(next) !== zone) return plan
    current = next
  }
}
