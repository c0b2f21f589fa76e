/**
 * One query in, one response out, for both transports. The hot path reads the question into a
 * reused view, finds an encoded answer and patches a copy of it: no decoding, no objects. Misses
 * go to the responder (slow path), whose answer is encoded once and cached for the next queries.
 */
import type { AliasSettings, CacheStatus } from '@shared/alias-server'
import { rcodeName, RCODES, RR_TYPES, typeName } from '@shared/dns-codes'
import { frame } from '../dns/transports/framing'
import { readName } from '../dns/wire-name'
import type { ResolveContext } from './alias-resolver'
import type { AnswerCache } from './answer-cache'
import type { Counters } from './counters'
import type { GeoMap } from './geo/geo-map'
import { geoRespond } from './geo/geo-responder'
import { clientSubnetIn, type ClientSubnet } from './geo/client-subnet'
import { ecsForwarding, ecsOptionData, forwardedSubnet, type EcsForwarding } from './geo/ecs-forwarding'
import { lowerWire } from '../dns/names'
import { PreparedAnswer, type LogInfo } from './prepared-answer'
import { SubnetAnswers } from './subnet-answers'
import type { QueryLog } from './query-log'
import type { RateLimiter } from './rate-limiter'
import { respond, type Plan, type Question } from './responder'
import { errorResponse, rcodeForStatus } from './wire/error-response'
import { buildMessage, type WireRecord } from './wire/message-builder'
import { createQueryView, READ_DROP, READ_OK, readQuery } from './wire/question-reader'

/** Where a response goes: a UDP socket or one TCP connection. */
export interface Replier {
  readonly tcp: boolean
  /** `out` is framed (2-octet length first) for TCP. */
  send(out: Buffer, address: string, port: number): void
  /** The query gets no response. */
  skip(): void
}

export interface HandlerDeps {
  settings: () => AliasSettings
  context: () => ResolveContext
  answers: AnswerCache
  counters: Counters
  log: QueryLog
  /** Set when response-rate limiting is on. */
  rateLimiter: RateLimiter | null
  /** Online signing of DO=1 answers (--dnssec); absent when the server signs nothing. */
  sign?: (plan: Plan, q: Question) => Plan
  /** AXFR/IXFR over TCP: the framed response messages (over UDP the responder refuses them). */
  transfer: (msg: Buffer, q: { name: string; nameWire: Buffer; qtype: number; questionEnd: number }, address: string) => Promise<Buffer>
  /** The simulated geo CDN (--geo), if any: its names are answered per client subnet. */
  geo: () => GeoMap | null
  onError: (error: unknown) => void
}

const TCP_LIMIT = 65535
const MAX_SUMMARY = 2000

function summarize(records: WireRecord[]): string {
  let text = ''
  for (const r of records) {
    const item = `${typeName(r.type)} ${r.text}`
    text = text ? `${text}, ${item}` : item
    if (text.length > MAX_SUMMARY) return `${text.slice(0, MAX_SUMMARY - 1)}…`
  }
  return text
}

/** A query that missed the answer cache, with what its response needs. */
interface Miss {
  msg: Buffer
  qnameEnd: number
  hash: number
  qtype: number
  qclass: number
  shape: number
  dnssecOk: boolean
  limit: number
  address: string
  port: number
  r: Replier
  generation: number
  /** Set when the profile forwards ECS: the query's client subnet, what is forwarded of it, its SubnetAnswers key. */
  ecs: { client: ClientSubnet; forwarded: string; key: string } | null
}

export class QueryHandler {
  private readonly view = createQueryView()
  private forwardingFor: AliasSettings | null = null
  private forwarding: EcsForwarding | null = null
  private readonly subnetAnswers = new SubnetAnswers()

  constructor(private readonly deps: HandlerDeps) {}

  handle(msg: Buffer, address: string, port: number, r: Replier): void {
    const d = this.deps
    const now = Date.now()
    const tcp = r.tcp
    d.counters.query(now, tcp)
    const v = this.view
    const status = readQuery(msg, v)
    if (status === READ_DROP) return r.skip()
    const s = d.settings()
    if (status !== READ_OK) return this.reject(msg, status, address, port, r, now, s)
    if (tcp && (v.qtype === RR_TYPES.AXFR || v.qtype === RR_TYPES.IXFR)) return this.transfer(msg, address, port, r)
    if (!tcp && d.rateLimiter !== null) {
      const decision = d.rateLimiter.decide(address, now, s.rateLimitPerSecond, s.rateLimitSlip)
      if (decision !== 'send') {
        d.counters.rateLimited++
        if (decision === 'drop') return r.skip()
        return r.send(slipResponse(msg, v.questionEnd), address, port)
      }
    }
    const limit = tcp ? TCP_LIMIT : v.edns ? Math.min(Math.max(v.udpSize, 512), s.maxUdpPayload) : 512
    const geo = d.geo()
    if (geo !== null && this.geo(geo, msg, address, port, r, now, limit)) return
    // Bit 4 keeps the minimal UDP answer to ANY (RFC 8482) apart from the full one over TCP in the cache.
    const shape = (v.edns ? (v.dnssecOk ? 3 : 1) : 0) | (!tcp && v.qtype === RR_TYPES.ANY ? 4 : 0)
    const answers = d.answers
    const p = answers.find(msg, v.qnameEnd, v.hash, v.qtype, v.qclass, shape)
    const fwd = this.ecsFor(s)
    if (p !== null && p.isValid(now, answers.generation) && !(fwd !== null && p.upstreamDependent)) return this.serve(p, msg, limit, now, address, port, r)
    // copied out of the reused view: the slow path outlives this call
    let ecs: Miss['ecs'] = null
    if (fwd !== null) {
      const client = clientSubnetIn(msg, v.optStart, v.optEnd, address)
      const forwarded = forwardedSubnet(client, fwd)
      const key = SubnetAnswers.key(lowerWire(Buffer.from(msg.subarray(12, v.qnameEnd))), v.qtype, v.qclass, shape, forwarded, client.ecs ? client.subnet : '')
      const sp = this.subnetAnswers.get(key)
      if (sp !== undefined && sp.isValid(now, answers.generation)) return this.serve(sp, msg, limit, now, address, port, r)
      ecs = { client, forwarded, key }
    }
    void this.slow({ msg, qnameEnd: v.qnameEnd, hash: v.hash, qtype: v.qtype, qclass: v.qclass, shape, dnssecOk: v.dnssecOk, limit, address, port, r, generation: answers.generation, ecs })
  }

  /** A cached answer, for the query in the view. */
  private serve(p: PreparedAnswer, msg: Buffer, limit: number, now: number, address: string, port: number, r: Replier): void {
    const d = this.deps
    const prefix = r.tcp ? 2 : 0
    const out = p.render(msg, this.view.qnameEnd, limit, prefix, now, d.settings().ttlPolicy)
    r.send(out, address, port)
    this.count(p, out, prefix, p.hitStatus)
    d.counters.aliasAnswer(p.hitStatus, null)
    if (d.log.active) d.log.add(now, address, port, r.tcp, p.log, p.ttlOf(out, prefix), p.hitStatus, null, p.isTruncated(out, prefix))
  }

  /** True when the query was for a geo target and got its per-subnet answer. */
  private geo(geo: GeoMap, msg: Buffer, address: string, port: number, r: Replier, now: number, limit: number): boolean {
    const v = this.view
    const name = readName(lowerWire(Buffer.from(msg.subarray(12, v.qnameEnd))), 0).name
    if (!geo.has(name)) return false
    const g = geoRespond(geo, msg, name, typeName(v.qtype), clientSubnetIn(msg, v.optStart, v.optEnd, address))
    if (!g) return false
    const out = g.out.length > limit ? slipResponse(msg, v.questionEnd) : g.out
    r.send(r.tcp ? frame(out) : out, address, port)
    this.deps.counters.response(0)
    if (this.deps.log.active) this.deps.log.add(now, address, port, r.tcp, g.info, g.ttl, 'none', null, out !== g.out)
    return true
  }

  /** The profile's ECS forwarding, recomputed only when the settings object changes. */
  private ecsFor(s: AliasSettings): EcsForwarding | null {
    if (this.forwardingFor !== s) {
      this.forwardingFor = s
      this.forwarding = ecsForwarding(s.profile)
    }
    return this.forwarding
  }

  private transfer(msg: Buffer, address: string, port: number, r: Replier): void {
    const v = this.view
    const nameWire = lowerWire(Buffer.from(msg.subarray(12, v.qnameEnd)))
    const q = { name: readName(nameWire, 0).name, nameWire, qtype: v.qtype, questionEnd: v.questionEnd }
    this.deps.transfer(msg, q, address).then(
      (out) => r.send(out, address, port),
      (error: unknown) => {
        this.deps.onError(error)
        r.skip()
      }
    )
  }

  private count(p: PreparedAnswer, out: Buffer, prefix: number, cache: CacheStatus): void {
    const c = this.deps.counters
    c.response(p.rcode)
    if (cache === 'hit') c.cacheHits++
    else if (cache === 'stale') c.staleAnswers++
    if (p.isTruncated(out, prefix)) c.truncated++
  }

  private reject(msg: Buffer, status: number, address: string, port: number, r: Replier, now: number, s: AliasSettings): void {
    const v = this.view
    const response = errorResponse(msg, v, status, s.maxUdpPayload)
    r.send(r.tcp ? frame(response) : response, address, port)
    const rcode = rcodeForStatus(status)
    this.deps.counters.response(rcode)
    if (this.deps.log.active) {
      const name = v.hasQuestion ? readName(lowerWire(Buffer.from(msg.subarray(12, v.qnameEnd))), 0).name : ''
      const info: LogInfo = { name, type: v.hasQuestion ? typeName(v.qtype) : '', rcode: rcodeName(rcode), summary: '' }
      this.deps.log.add(now, address, port, r.tcp, info, null, 'none', null, false)
    }
  }

  private async slow(q: Miss): Promise<void> {
    const d = this.deps
    const nameWire = lowerWire(Buffer.from(q.msg.subarray(12, q.qnameEnd)))
    let name = ''
    let plan: Plan
    try {
      name = readName(nameWire, 0).name
      const question = { name, qtype: q.qtype, qclass: q.qclass, minimalAny: (q.shape & 4) !== 0 }
      const context = q.ecs ? { ...d.context(), subnet: q.ecs.forwarded } : d.context()
      plan = await respond(context, question)
      if (q.dnssecOk && d.sign) plan = d.sign(plan, question)
    } catch (error) {
      d.onError(error)
      plan = { rcode: RCODES.SERVFAIL, aa: false, answer: [], authority: [], additional: [], ede: [{ code: 0, text: 'internal error' }], deps: [], validUntil: 0, cache: 'none', rttMs: null }
    }
    try {
      this.finish(q, nameWire, name, plan)
    } catch (error) {
      d.onError(error)
      q.r.skip()
    }
  }

  private finish(q: Miss, nameWire: Buffer, name: string, plan: Plan): void {
    const { msg, qnameEnd, hash, qtype, qclass, shape, dnssecOk, limit, address, port, r, generation } = q
    const d = this.deps
    const s = d.settings()
    const now = Date.now()
    // with ECS forwarded, an ALIAS answer is the answer for this client's subnet only
    const perSubnet = q.ecs !== null && plan.deps.length > 0
    const scope = perSubnet ? Math.min(...plan.deps.map((e) => e.entry.scope ?? 0)) : 0
    const options = perSubnet && q.ecs!.client.ecs ? [{ code: 8, data: ecsOptionData(q.ecs!.client, scope) }] : []
    const built = buildMessage({
      qname: name,
      qnameWire: nameWire,
      qtype,
      qclass,
      aa: plan.aa,
      rcode: plan.rcode,
      answer: plan.answer,
      authority: plan.authority,
      additional: plan.additional,
      ...(plan.extra ? { extra: plan.extra } : {}),
      opt: (shape & 3) === 0 ? null : { udpSize: s.maxUdpPayload, dnssecOk, ede: plan.ede, options }
    })
    const hitStatus: CacheStatus = plan.cache === 'stale' ? 'stale' : plan.rcode !== RCODES.SERVFAIL && plan.deps.length > 0 ? 'hit' : 'none'
    const ede = plan.ede[0]
    const info: LogInfo = { name, type: typeName(qtype), rcode: rcodeName(plan.rcode), summary: summarize(plan.answer), ...(ede ? { ede } : {}), ...(plan.rule ? { rule: plan.rule } : {}), ...(perSubnet ? { subnet: q.ecs!.forwarded } : {}) }
    const prepared = new PreparedAnswer(hash, nameWire, qtype, qclass, shape, built, plan.deps, plan.validUntil, generation, hitStatus, info, plan.rcode, plan.additional.length)
    if (plan.validUntil > now && !perSubnet) d.answers.insert(prepared)
    else if (perSubnet && plan.validUntil > now && generation === d.answers.generation) this.subnetAnswers.set(q.ecs!.key, prepared)
    const prefix = r.tcp ? 2 : 0
    const out = prepared.render(msg, qnameEnd, limit, prefix, now, s.ttlPolicy)
    r.send(out, address, port)
    // the answer cache counts hits on the hot path; the target cache counted this lookup itself
    this.count(prepared, out, prefix, 'none')
    d.counters.aliasAnswer(plan.cache, plan.rttMs)
    if (d.log.active) d.log.add(now, address, port, r.tcp, info, prepared.ttlOf(out, prefix), plan.cache, plan.rttMs, prepared.isTruncated(out, prefix))
  }
}

/** A rate-limited "slip": the question with TC set and nothing else, so that the client retries over TCP. */
function slipResponse(msg: Buffer, questionEnd: number): Buffer {
  const out = Buffer.alloc(questionEnd)
  msg.copy(out, 0, 0, questionEnd)
  out[2] = 0x80 | 0x02 | (msg[2]! & 0x01)
  out[3] = 0
  out.writeUInt16BE(1, 4)
  out.fill(0, 6, 12)
  return out
}
