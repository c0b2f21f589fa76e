/**
 * Online signing as a layer over the responder's plan: for DO=1 queries to a signed zone it adds
 * RRSIGs to every authoritative RRset and signed NSEC/NSEC3 denial to negative answers and
 * referrals. Signatures are cached per RRset and per fetch of the target, so an ALIAS answer is
 * signed once, with the TTL first served as its Original TTL (RFC 4034 §3.1.4); later answers from
 * the same fetch count down under that same signature (RFC 4035 §5.3.3).
 */
import { RCODES, RR_TYPES, typeName } from '@shared/dns-codes'
import type { AliasSettings } from '@shared/alias-server'
import { coveringNsec, coveringNsec3, immediateSuccessor, matchingNsec3, nsecRdata } from '../dnssec/denial'
import type { ZoneKey } from '../dnssec/keys'
import { signRRset } from '../dnssec/rrsig'
import { selfAndAncestors } from '../dns/names'
import { type Plan, type Question } from './responder'
import type { DynamicTtl, WireRecord } from './wire/message-builder'
import type { CompiledZone, ZoneSet } from './zone-set'

export type DenialKind = 'nsec' | 'nsec3'

const DAY = 86_400
/** Signatures start an hour back (clock skew) and last a week past their TTL. */
const INCEPTION_SKEW = 3600
const VALIDITY = 7 * DAY
/** A cached signature is reused while it stays valid this long past its TTL. */
const RESIGN_MARGIN = DAY
const MAX_CACHED = 20_000
/** Signed answers are rebuilt at least this often, so that cached ones never carry old signatures. */
const MAX_SIGNED_REUSE_MS = 3_600_000

interface CachedSignature {
  originalTtl: number
  expiration: number
  rdata: Buffer
}

export interface SignerOptions {
  keyFor: (origin: string) => ZoneKey | undefined
  denial: () => DenialKind
}

export class Signer {
  private readonly cache = new Map<string, CachedSignature>()

  constructor(private readonly options: SignerOptions) {}

  /** The plan with signatures and denial added; unchanged when the zone is not signed. */
  sign(plan: Plan, q: Question, zones: ZoneSet, settings: AliasSettings): Plan {
    const zone = zones.find(q.name)
    const key = zone ? this.options.keyFor(zone.origin) : undefined
    if (!zone || !key || plan.rcode === RCODES.SERVFAIL || plan.rcode === RCODES.REFUSED || plan.rcode === RCODES.FORMERR) return plan
    const out: Plan = { ...plan, answer: [...plan.answer], authority: [...plan.authority], additional: [...plan.additional] }
    const soa = plan.authority.find((r) => r.type === RR_TYPES.SOA)
    const negative = plan.rcode === RCODES.NXDOMAIN || (plan.rcode === RCODES.NOERROR && soa !== undefined && !plan.answer.some((r) => r.type === q.qtype))
    if (negative && soa) this.addDenial(out, q, zone, key.zone, soa)
    else if (!plan.aa) this.addNoDs(out, zone, key.zone)
    const unsigned = (r: WireRecord): boolean =>
      settings.dnssecAliasAnswers === 'unsigned' && (r.type === RR_TYPES.A || r.type === RR_TYPES.AAAA) && zone.node(r.owner)?.has(RR_TYPES.ALIAS) === true
    out.answer = this.withSignatures(out.answer, zones, unsigned)
    out.authority = this.withSignatures(out.authority, zones, (r) => !plan.aa && r.type === RR_TYPES.NS)
    if (plan.aa) out.additional = this.withSignatures(out.additional, zones, () => false)
    out.validUntil = Math.min(out.validUntil, Date.now() + MAX_SIGNED_REUSE_MS)
    return out
  }

  /** Each RRset followed by its RRSIG, for the RRsets whose owner is in a signed zone. */
  private withSignatures(records: WireRecord[], zones: ZoneSet, skip: (r: WireRecord) => boolean): WireRecord[] {
    const groups = new Map<string, WireRecord[]>()
    for (const r of records) {
      const k = `${r.owner}|${r.type}`
      const g = groups.get(k)
      if (g) g.push(r)
      else groups.set(k, [r])
    }
    const out: WireRecord[] = []
    for (const set of groups.values()) {
      out.push(...set)
      const first = set[0]!
      if (first.type === RR_TYPES.RRSIG || skip(first)) continue
      const zone = zones.find(first.owner)
      const key = zone ? this.options.keyFor(zone.origin) : undefined
      // NSEC3 owners are hashes that find() places in the zone too
      if (!key) continue
      out.push(this.rrsig(key, set))
    }
    return out
  }

  private rrsig(key: ZoneKey, set: WireRecord[]): WireRecord {
    const first = set[0]!
    const ttl = Math.min(...set.map((r) => r.ttl))
    const dynamic: DynamicTtl | undefined = set.find((r) => r.dynamic)?.dynamic
    const fetch = dynamic?.source.data ? `f${dynamic.source.data.fetchedAt}` : `t${ttl}`
    const id = `${key.zone}|${key.keyTag}|${first.owner}|${first.type}|${fetch}|${set.map((r) => r.rdata.toString('hex')).join(',')}`
    const nowS = Math.floor(Date.now() / 1000)
    let cached = this.cache.get(id)
    if (!cached || cached.originalTtl < ttl || cached.expiration - nowS < cached.originalTtl + RESIGN_MARGIN) {
      const expiration = nowS + VALIDITY + ttl
      const rdata = signRRset(key, { owner: first.owner, type: first.type, originalTtl: ttl, rdata: set.map((r) => r.rdata), inception: nowS - INCEPTION_SKEW, expiration })
      cached = { originalTtl: ttl, expiration, rdata }
      this.cache.delete(id)
      this.cache.set(id, cached)
      if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!)
    }
    const text = `${typeName(first.type)} ${key.algorithmNumber} ${cached.originalTtl} ${key.keyTag} ${key.zone}`
    return { owner: first.owner, type: RR_TYPES.RRSIG, ttl, rdata: cached.rdata, text, ...(dynamic ? { dynamic } : {}) }
  }

  private addDenial(plan: Plan, q: Question, zone: CompiledZone, signer: string, soa: WireRecord): void {
    const name = deniedName(plan, q)
    const ttl = soa.ttl
    const dynamic = soa.dynamic
    const push = (owner: string, type: number, rdata: Buffer, text: string): void => {
      plan.authority.push({ owner, type, ttl, rdata, text, ...(dynamic ? { dynamic } : {}) })
    }
    const kind = this.options.denial()
    if (plan.rcode === RCODES.NXDOMAIN) {
      const encloser = zone.closestEncloser(name)
      const nextCloser = childTowards(name, encloser)
      const wildcard = encloser === '.' ? '*.' : `*.${encloser}`
      if (kind === 'nsec') {
        for (const target of [nextCloser, wildcard]) {
          const n = coveringNsec(target)
          push(n.owner, RR_TYPES.NSEC, nsecRdata(n.next, [RR_TYPES.RRSIG, RR_TYPES.NSEC]), `covers ${target}`)
        }
      } else {
        const ce = matchingNsec3(encloser, signer, typesAt(zone, encloser, null, RR_TYPES.NSEC3))
        push(ce.owner, RR_TYPES.NSEC3, ce.rdata, `matches ${encloser}`)
        for (const target of [nextCloser, wildcard]) {
          const c = coveringNsec3(target, signer)
          push(c.owner, RR_TYPES.NSEC3, c.rdata, `covers ${target}`)
        }
      }
      return
    }
    if (kind === 'nsec') push(name, RR_TYPES.NSEC, nsecRdata(immediateSuccessor(name), typesAt(zone, name, q.qtype, RR_TYPES.NSEC)), `at ${name}`)
    else {
      const m = matchingNsec3(name, signer, typesAt(zone, name, q.qtype, RR_TYPES.NSEC3))
      push(m.owner, RR_TYPES.NSEC3, m.rdata, `matches ${name}`)
    }
  }

  /** A referral: the child's DS (the local trust chain's root and TLD), or proof that it has none. */
  private addNoDs(plan: Plan, zone: CompiledZone, signer: string): void {
    const ns = plan.authority.find((r) => r.type === RR_TYPES.NS)
    if (!ns) return
    const cut = ns.owner
    const ds = zone.node(cut)?.get(RR_TYPES.DS)
    if (ds) {
      ds.rdata.forEach((rdata, i) => plan.authority.push({ owner: cut, type: RR_TYPES.DS, ttl: ds.ttl, rdata, text: ds.texts[i]! }))
      return
    }
    const types = [RR_TYPES.NS, RR_TYPES.RRSIG]
    if (this.options.denial() === 'nsec') {
      plan.authority.push({ owner: cut, type: RR_TYPES.NSEC, ttl: zone.negativeTtl, rdata: nsecRdata(immediateSuccessor(cut), [...types, RR_TYPES.NSEC]), text: `at ${cut}` })
    } else {
      const m = matchingNsec3(cut, signer, types)
      plan.authority.push({ owner: m.owner, type: RR_TYPES.NSEC3, ttl: zone.negativeTtl, rdata: m.rdata, text: `matches ${cut}` })
    }
  }
}

/** The name the negative answer is about: the end of the CNAME chain in the answer, else the question. */
function deniedName(plan: Plan, q: Question): string {
  let name = q.name
  for (let i = 0; i < 16; i++) {
    const cname = plan.answer.find((r) => r.owner === name && r.type === RR_TYPES.CNAME)
    if (!cname) break
    name = cname.text.toLowerCase()
  }
  return name
}

/** The ancestor of `name` one label below `encloser` (the next closer name). */
function childTowards(name: string, encloser: string): string {
  const chain = selfAndAncestors(name)
  const at = chain.indexOf(encloser)
  return at > 0 ? chain[at - 1]! : name
}

/** The types at `name` (an ALIAS owner has A and AAAA), without `denied` (the NODATA type). */
function typesAt(zone: CompiledZone, name: string, denied: number | null, denialType: number): number[] {
  let node = zone.node(name)
  if (!node) {
    const w = zone.lookupWildcard(name)
    node = w.wildcardOwner ? zone.node(w.wildcardOwner) : undefined
  }
  const types = new Set<number>([RR_TYPES.RRSIG])
  if (denialType === RR_TYPES.NSEC) types.add(RR_TYPES.NSEC)
  for (const t of node?.keys() ?? []) types.add(t)
  if (node?.has(RR_TYPES.ALIAS)) {
    types.add(RR_TYPES.A)
    types.add(RR_TYPES.AAAA)
  }
  if (denied !== null) types.delete(denied)
  return [...types]
}

