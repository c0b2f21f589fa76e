/**
 * Answers queries for the geo CDN's names directly (as its authoritative server would): by the
 * client's subnet, from ECS when present, else from the source address. The ECS option is echoed
 * with the SCOPE PREFIX-LENGTH of the region that matched (RFC 7871 §7.2.1), so caches know how
 * widely the answer may be reused. These answers skip the shared answer cache: they differ per client.
 */
import * as packet from 'dns-packet'
import type { LogInfo } from '../prepared-answer'
import type { ClientSubnet } from './client-subnet'
import type { GeoMap } from './geo-map'

export interface GeoResponse {
  out: Buffer
  info: LogInfo
  ttl: number
}

const MAX_UDP = 1232

/** `client`: the subnet the query speaks for (clientSubnetIn). */
export function geoRespond(geo: GeoMap, msg: Buffer, name: string, qtype: string, client: ClientSubnet): GeoResponse | null {
  // only the addresses vary by place; other types (the SOA a resolver's zone walk asks for) are the zone's business
  if (qtype !== 'A' && qtype !== 'AAAA') return null
  let query: packet.Packet
  try {
    query = packet.decode(msg)
  } catch {
    return null
  }
  if ((query.questions ?? []).length !== 1) return null
  const question = query.questions![0]!
  const choice = geo.choose(name, qtype, client.subnet)
  const ttl = choice?.ttl ?? 30
  const answers: packet.Answer[] =
    choice ? choice.addresses.map((data) => ({ name: question.name, type: qtype, class: 'IN', ttl, data }) as packet.Answer) : []
  const authorities: packet.Answer[] =
    answers.length > 0
      ? []
      : [{ name, type: 'SOA', class: 'IN', ttl, data: { mname: `ns.${name}`, rname: `hostmaster.${name}`, serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: ttl } }]
  const hasOpt = (query.additionals ?? []).some((rr) => rr.type === 'OPT')
  const options = client.ecs
    ? [{ code: 8, family: client.family, sourcePrefixLength: client.sourcePrefixLength, scopePrefixLength: choice?.scope ?? 0, ip: client.address }]
    : []
  const additionals = hasOpt ? [{ name: '.', type: 'OPT', udpPayloadSize: MAX_UDP, flags: 0, options } as unknown as packet.Answer] : []
  const rd = (query.flags ?? 0) & packet.RECURSION_DESIRED
  const out = packet.encode({
    id: query.id ?? 0,
    type: 'response',
    flags: packet.AUTHORITATIVE_ANSWER | rd,
    questions: [question],
    answers,
    authorities,
    additionals
  })
  const summary = answers.length > 0 && choice ? `${qtype} ${choice.addresses.join(', ')}` : ''
  const info: LogInfo = { name, type: qtype, rcode: 'NOERROR', summary, subnet: client.subnet, ...(choice ? { region: choice.region } : {}) }
  return { out, info, ttl }
}
