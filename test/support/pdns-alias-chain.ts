import { startKnot, type KnotServer } from '../../scripts/peers/knot'
import { startPowerDns, type PowerDnsServer } from '../../scripts/peers/pdns'
import { startUnbound, type UnboundServer } from '../../scripts/peers/unbound'

/** Knot serving the targets, an Unbound of PowerDNS's own (target.test. stubbed to Knot), and PowerDNS serving the ALIAS apexes. */
export interface PdnsAliasChain {
  knot: KnotServer
  /** The resolver PowerDNS expands its ALIAS records through. */
  upstream: UnboundServer
  pdns: PowerDnsServer
  /** Stops PowerDNS, its Unbound and Knot; safe to call twice. */
  stop(): Promise<void>
}

export interface PdnsAliasChainOptions {
  /** Knot's zones by origin; target.test. among them. */
  knotZones: Record<string, string>
  /** PowerDNS's zones by origin (the ALIAS apexes). */
  pdnsZones: Record<string, string>
  /** Extra pdns.conf settings (e.g. no packet cache). */
  pdnsSettings?: Record<string, string>
  /** unbound-control on PowerDNS's Unbound (to flush its cache). */
  upstreamControl?: boolean
}

/** PowerDNS with ALIAS apexes whose targets Knot serves, on 127.0.0.1; whatever started is stopped again if a later one fails. */
export async function startPdnsAliasChain(options: PdnsAliasChainOptions): Promise<PdnsAliasChain> {
  const started: Array<{ stop(): Promise<void> }> = []
  const stop = async (): Promise<void> => {
    for (const daemon of started.splice(0).reverse()) await daemon.stop()
  }
  try {
    const knot = await startKnot({ zones: options.knotZones })
    started.push(knot)
    const upstream = await startUnbound({ stubs: [{ zone: 'target.test.', port: knot.port }], control: options.upstreamControl })
    started.push(upstream)
    const pdns = await startPowerDns({ zones: options.pdnsZones, resolver: `127.0.0.1:${upstream.port}`, settings: options.pdnsSettings })
    started.push(pdns)
    return { knot, upstream, pdns, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
