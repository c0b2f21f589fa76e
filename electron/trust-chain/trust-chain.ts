/**
 * The local trust chain: a signed root `.` and signed TLDs on loopback, served by our own server
 * (so the app needs no other DNS software), delegating each lab zone with its DS. A validator with
 * the root's key as its only trust anchor then validates the lab zone offline: root → TLD → zone.
 */
import { parseZone, type Zone } from '../zone'
import { startAliasServer, type AliasServer } from '../alias-server'
import type { AlgorithmName } from '../dnssec/algorithms'
import { CHAIN_ROOT_ADDRESS, CHAIN_ROOT_NS, rootZoneText, tldOf, tldZoneText, type ChainChild } from './chain-zones'
import { dnskeyText, dsText, loadOrCreateKey } from '../dnssec/keys'

export { type ChainChild } from './chain-zones'

export interface TrustChainOptions {
  children: ChainChild[]
  /** The port every server of the chain listens on: the lab server's port, so that referrals lead there. */
  port: number
  /** Where the root's and the TLDs' keys are kept (reused, so the root anchor stays the same). */
  keyDir: string
  algorithm?: AlgorithmName
  denial?: 'nsec' | 'nsec3'
  /** Default 127.53.0.1; each TLD gets the next address (127.53.0.2, …). */
  rootAddress?: string
}

export interface ChainServer {
  zone: string
  address: string
  nameServer: string
}

export interface TrustChain {
  port: number
  root: ChainServer
  tlds: ChainServer[]
  /** The root's key as a trust anchor: the DNSKEY line (Unbound `trust-anchor`) and its DS. */
  anchor: { dnskey: string; ds: string; keyTag: number }
  /** Replaces the delegations (e.g. a broken DS) and reloads the TLDs. */
  setChildren(children: ChainChild[]): void
  stop(): Promise<void>
}

function zoneFrom(text: string): Zone {
  const { zone, errors } = parseZone(text)
  if (!zone || errors.length > 0) throw new Error(`trust chain zone: ${errors.map((e) => e.message).join('; ')}`)
  return zone
}

function nextAddress(address: string, step: number): string {
  const parts = address.split('.').map(Number)
  parts[3] = parts[3]! + step
  if (parts.length !== 4 || parts[0] !== 127 || parts[3]! > 254) throw new Error(`${address}: the trust chain needs loopback addresses (127.x.y.z)`)
  return parts.join('.')
}

function group(children: ChainChild[]): Map<string, ChainChild[]> {
  const byTld = new Map<string, ChainChild[]>()
  for (const child of children) {
    const tld = tldOf(child.origin)
    byTld.set(tld, [...(byTld.get(tld) ?? []), child])
  }
  return byTld
}

/** Starts the root and one server per TLD of `children`, all on `port`. */
export async function startTrustChain(options: TrustChainOptions): Promise<TrustChain> {
  const rootAddress = options.rootAddress ?? CHAIN_ROOT_ADDRESS
  const algorithm = options.algorithm ?? 'ecdsap256sha256'
  const dnssec = { keyDir: options.keyDir, algorithm, denial: options.denial ?? 'nsec' }
  const byTld = group(options.children)
  if (byTld.size === 0) throw new Error('the trust chain needs at least one zone to delegate')
  const tlds = [...byTld.keys()].map((zone, i) => ({ zone, address: nextAddress(rootAddress, i + 1), nameServer: `a.nic.${zone}` }))
  const tldDs = await Promise.all(tlds.map(async (t) => dsText(await loadOrCreateKey(options.keyDir, t.zone, algorithm))))
  const rootKey = await loadOrCreateKey(options.keyDir, '.', algorithm)
  const rootZone = rootZoneText(tlds.map((t, i) => ({ tld: t.zone, address: t.address, ds: [tldDs[i]!] })), rootAddress)

  const servers: AliasServer[] = []
  const stop = async (): Promise<void> => {
    await Promise.all(servers.map((s) => s.stop()))
  }
  try {
    const common = { port: options.port, upstream: { mode: 'simulated' as const }, logQueries: false, dnssec }
    servers.push(await startAliasServer({ ...common, host: rootAddress, zones: [zoneFrom(rootZone)] }))
    for (const t of tlds) {
      servers.push(await startAliasServer({ ...common, host: t.address, zones: [zoneFrom(tldZoneText(t.zone, t.address, byTld.get(t.zone)!))] }))
    }
  } catch (error) {
    await stop()
    throw error
  }
  return {
    port: options.port,
    root: { zone: '.', address: rootAddress, nameServer: CHAIN_ROOT_NS },
    tlds,
    anchor: { dnskey: dnskeyText(rootKey), ds: dsText(rootKey), keyTag: rootKey.keyTag },
    setChildren(children) {
      const next = group(children)
      tlds.forEach((t, i) => {
        const kids = next.get(t.zone)
        if (!kids) throw new Error(`the running chain has no server for ${t.zone}; restart it`)
        servers[i + 1]!.setZones([zoneFrom(tldZoneText(t.zone, t.address, kids))])
      })
    },
    stop
  }
}
