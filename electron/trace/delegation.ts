/**
 * The delegation view: a +trace with DO=1, then for each zone on the way its DNSKEY set, checked
 * against the DS its parent served (the root's against the trust anchor) and signed by a key that
 * DS vouches for; the DS set itself must be signed by the parent's keys. A zone is secure only
 * when its parent is.
 */
import type { DnsRecord } from '@shared/dns'
import type { DelegationStep, DelegationView } from '@shared/delegation'
import { RR_TYPES } from '@shared/dns-codes'
import { digRdata } from '../format/dig-rdata'
import { nameToWire, sameName } from '../dns/names'
import { keyTag } from '../dnssec/keys'
import { dsMatches, rrsigFields, verifyRRset, type SignatureStatus } from '../dnssec/verify-rrset'
import { engineAsk, trace, type TraceAsk, type TraceStep } from './trace'

export interface DelegationOptions {
  name: string
  start: { host: string; port: number }
  /** The root's DS records (RDATA) as the trust anchor; empty: the root stays indeterminate. */
  rootDs: Buffer[]
  signal?: AbortSignal
  ask?: TraceAsk
}

const rdataOf = (r: DnsRecord): Buffer => Buffer.from(r.rdataHex ?? '', 'hex')
const owned = (records: DnsRecord[], zone: string, type: string): DnsRecord[] => records.filter((r) => r.type === type && sameName(r.name, zone))
const sigsOver = (records: DnsRecord[], zone: string, type: number): Buffer[] => owned(records, zone, 'RRSIG').map(rdataOf).filter((r) => rrsigFields(r)?.typeCovered === type)

/** The best status among the set's signatures (valid wins; no signature is 'unsigned'). */
function setSignature(ownerZone: string, type: number, set: Buffer[], sigs: Buffer[], keys: Buffer[], nowS: number): SignatureStatus | 'unsigned' {
  if (sigs.length === 0) return 'unsigned'
  const all = sigs.map((s) => verifyRRset(nameToWire(ownerZone), type, set, s, keys, nowS))
  return all.includes('valid') ? 'valid' : all[0]!
}

export async function delegationView(options: DelegationOptions): Promise<DelegationView> {
  const ask = options.ask ?? engineAsk
  const traced = await trace({ name: options.name, type: 'A', start: options.start, dnssec: true, signal: options.signal, ask })
  const nowS = Math.floor(Date.now() / 1000)
  const zoneSteps = traced.steps.filter((s) => s.kind !== 'answer')
  const steps: DelegationStep[] = []
  let parentKeys: Buffer[] = []
  let parentStatus: DelegationStep['status'] = 'secure'
  for (const [i, step] of zoneSteps.entries()) {
    const zone = step.zone
    const isRoot = i === 0
    const dsSet = isRoot ? options.rootDs : owned(step.records, zone, 'DS').map(rdataOf)
    const dsSignature = isRoot ? 'valid' : setSignature(zone, RR_TYPES.DS, dsSet, sigsOver(step.records, zone, RR_TYPES.DS), parentKeys, nowS)
    const keys = await zoneKeys(step, options.start.port, ask, options.signal)
    const vouched = keys.set.filter((k) => dsSet.some((ds) => dsMatches(zone, ds, k)))
    const dnskeySignature = keys.set.length === 0 ? 'unsigned' : setSignature(zone, RR_TYPES.DNSKEY, keys.set, keys.sigs, vouched, nowS)
    let status: DelegationStep['status']
    let reason: string
    if (parentStatus !== 'secure') [status, reason] = ['indeterminate', `${isRoot ? 'no trust anchor' : 'the parent is not secure'}`]
    else if (isRoot && dsSet.length === 0) [status, reason] = ['indeterminate', 'no trust anchor for the root']
    else if (dsSet.length === 0) [status, reason] = ['insecure', 'the parent serves no DS for this zone']
    else if (dsSignature !== 'valid') [status, reason] = ['bogus', `the DS set's signature: ${dsSignature}`]
    else if (vouched.length === 0) [status, reason] = ['bogus', keys.error ?? 'no DNSKEY matches the DS']
    else if (dnskeySignature !== 'valid') [status, reason] = ['bogus', `the DNSKEY set's signature: ${dnskeySignature}`]
    else [status, reason] = ['secure', isRoot ? 'the root key matches the trust anchor and signs the key set' : 'a DS from the parent matches a key that signs the key set']
    steps.push({
      zone,
      from: step.server,
      nameServers: step.nameServers,
      ds: dsSet.filter((ds) => ds.length >= 4).map((ds) => ({ keyTag: ds.readUInt16BE(0), algorithm: ds[2]!, digestType: ds[3]!, matchesKey: keys.set.some((k) => dsMatches(zone, ds, k)) })),
      dnskeys: keys.set.map((k) => ({ keyTag: keyTag(k), algorithm: k[3]!, flags: k.readUInt16BE(0) })),
      dnskeySignature,
      status,
      reason
    })
    parentKeys = keys.set
    parentStatus = status === 'secure' ? 'secure' : 'indeterminate'
  }
  const answer = traced.steps.find((s) => s.kind === 'answer')
  return {
    name: traced.name,
    steps,
    answer: answer ? { rcode: answer.result.header.rcode, records: answer.result.answer.filter((r) => r.type !== 'RRSIG').map((r) => `${r.name} ${r.ttl} ${r.type} ${digRdata(r)}`) } : null,
    ...(traced.error ? { error: traced.error } : {})
  }
}

/** The zone's DNSKEY set and its RRSIGs, asked of the zone's first server with an address. */
async function zoneKeys(step: TraceStep, port: number, ask: TraceAsk, signal?: AbortSignal): Promise<{ set: Buffer[]; sigs: Buffer[]; error?: string }> {
  const host = step.nameServers.flatMap((ns) => ns.addresses)[0]
  if (!host) return { set: [], sigs: [], error: `no address for a name server of ${step.zone}` }
  try {
    const r = await ask({ name: step.zone, type: 'DNSKEY', resolver: { transport: 'udp', host, port }, options: { rd: false, dnssecOk: true } }, signal)
    return { set: owned(r.answer, step.zone, 'DNSKEY').map(rdataOf), sigs: sigsOver(r.answer, step.zone, RR_TYPES.DNSKEY) }
  } catch (error) {
    return { set: [], sigs: [], error: `DNSKEY from ${host}: ${error instanceof Error ? error.message : String(error)}` }
  }
}
