/**
 * The local trust chain above the running lab: started on demand on the lab's port (keys in `keyDir`) for the
 * lab's signed zones one label below a TLD; it stops when the lab stops or moves.
 */
import type { ChainStatus } from '@shared/delegation'
import type { LabStatus } from '@shared/lab'
import { ServiceError } from '@shared/errors'
import { query } from '../dns'
import { canonicalName } from '../dns/names'
import { startTrustChain, type ChainChild, type TrustChain } from './trust-chain'
import { dsWire, tldOf } from './chain-zones'

const LAB_HOST = '127.0.0.1'

function statusOf(chain: TrustChain | null, zones: string[]): ChainStatus {
  if (!chain) return { running: false, port: null, root: null, tlds: [], anchor: null, zones: [], commands: [] }
  const first = zones[0] ?? 'example.test.'
  return {
    running: true,
    port: chain.port,
    root: chain.root,
    tlds: chain.tlds,
    anchor: chain.anchor,
    zones,
    commands: [
      `npm run query -- +trace --root ${chain.root.address}:${chain.port} ${first} A`,
      `Unbound: trust-anchor: "${chain.anchor.dnskey}" with stub-zones for . (${chain.root.address}@${chain.port}), ${chain.tlds.map((t) => `${t.zone} (${t.address}@${chain.port})`).join(', ')} and ${first} (${LAB_HOST}@${chain.port})`
    ]
  }
}

/** The lab zone's name servers from the lab itself; in-zone ones get 127.0.0.1 as glue. */
async function childOf(origin: string, ds: string, port: number): Promise<ChainChild> {
  const r = await query({ name: origin, type: 'NS', resolver: { transport: 'udp', host: LAB_HOST, port }, options: { rd: false } }).catch(() => null)
  const inZone = (r?.answer ?? []).filter((x) => x.type === 'NS').map((x) => canonicalName(x.data)).filter((n) => n.endsWith(`.${origin}`))
  const names = inZone.length > 0 ? inZone : [`ns1.${origin}`]
  return { origin, ds: [ds], nameServers: names.map((name) => ({ name, address: LAB_HOST })) }
}

export function labChain(keyDir: string, labStatus: () => Promise<LabStatus>) {
  let chain: TrustChain | null = null
  let zones: string[] = []
  const stop = async (): Promise<void> => {
    const running = chain
    chain = null
    zones = []
    await running?.stop()
  }
  /** A chain whose lab server stopped or moved delegates to nothing: it stops too. */
  const current = async (): Promise<TrustChain | null> => {
    if (!chain) return null
    const lab = await labStatus()
    if (!lab.running || lab.port !== chain.port) await stop()
    return chain
  }
  return {
    status: async () => statusOf(await current(), zones),
    start: async () => {
      const lab = await labStatus()
      if (!lab.running || !lab.port) throw new ServiceError('conflict', 'start the lab server first: the chain delegates to it')
      const signed = (lab.dnssec ?? []).filter((z) => canonicalName(z.zone).split('.').filter(Boolean).length >= 2)
      if (signed.length === 0) throw new ServiceError('conflict', 'the lab zone is not signed (or sits directly below the root): start the lab with "Sign the zone online"')
      await stop()
      const children = await Promise.all(signed.map((z) => childOf(canonicalName(z.zone), z.ds, lab.port!)))
      // one label below a TLD only: deeper zones would need their own parents
      const direct = children.filter((c) => c.origin === `${c.origin.split('.')[0]}.${tldOf(c.origin)}`)
      if (direct.length === 0) throw new ServiceError('conflict', 'the chain delegates zones one label below a TLD (like example.test.)')
      chain = await startTrustChain({ children: direct, port: lab.port, keyDir })
      zones = direct.map((c) => c.origin)
      return statusOf(chain, zones)
    },
    stop: async () => {
      await stop()
      return statusOf(null, [])
    },
    /** Where a delegation view through the chain starts, and the root's DS; null while it is not running. */
    root: async () => {
      const running = await current()
      return running ? { start: { host: running.root.address, port: running.port }, rootDs: [dsWire(running.anchor.ds)] } : null
    },
    dispose: stop
  }
}

