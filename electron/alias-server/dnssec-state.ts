/**
 * The server's DNSSEC side: each static zone's key (loaded or made in the key directory), the
 * DNSKEY, CDS, CDNSKEY (and NSEC3PARAM) RRsets added at each signed apex, and the signer.
 */
import { RR_TYPES } from '@shared/dns-codes'
import { dnssecConfigSchema, type DnssecConfig, type DnssecZoneInfo } from '@shared/alias-server'
import { NSEC3PARAM_RDATA } from '../dnssec/denial'
import { dnskeyText, dsText, loadOrCreateKey, type ZoneKey } from '../dnssec/keys'
import { genericTokens } from '../zone/generic-rdata'
import { selfAndAncestors } from '../dns/names'
import { Signer, type DenialKind } from './signer'
import type { CompiledZone } from './zone-set'
import { describeIssues } from '@shared/errors'

export class DnssecState {
  readonly config: Required<DnssecConfig>
  private readonly keys = new Map<string, ZoneKey>()
  readonly signer: Signer

  constructor(config: DnssecConfig) {
    const parsed = dnssecConfigSchema.safeParse(config)
    if (!parsed.success) throw new Error(`dnssec: ${describeIssues(parsed.error.issues, 100)}`)
    this.config = parsed.data
    this.signer = new Signer({ keyFor: (origin) => this.signingKey(origin), denial: (): DenialKind => this.config.denial })
  }

  /** Loads or makes the key of every zone in `origins` that has none yet. */
  async prepare(origins: string[]): Promise<void> {
    for (const origin of origins) {
      if (this.keys.has(origin)) continue
      this.keys.set(origin, await loadOrCreateKey(this.config.keyDir, origin, this.config.algorithm))
    }
  }

  /** The key of `origin` or of the nearest signed zone above it (the simulated target's zone sits inside the demo zone). */
  signingKey(origin: string): ZoneKey | undefined {
    for (const name of selfAndAncestors(origin)) {
      const key = this.keys.get(name)
      if (key) return key
    }
    return undefined
  }

  key(origin: string): ZoneKey | undefined {
    return this.keys.get(origin)
  }

  /** Adds the apex key records to a compiled zone whose key is ready. */
  decorate(zone: CompiledZone): void {
    const key = this.keys.get(zone.origin)
    if (!key) return
    const ttl = zone.soa.ttl
    const add = (type: number, rdata: Buffer, text: string): void => {
      const record = { name: zone.origin, type: `TYPE${type}`, ttl, class: 'IN' as const, rdata: genericTokens(rdata), line: 0, column: 0 }
      zone.setRRset({ owner: zone.origin, type, ttl, rdata: [rdata], texts: [text], records: [record] })
    }
    const dnskey = dnskeyText(key).split(' IN DNSKEY ')[1]!
    const ds = dsText(key).split(' IN DS ')[1]!
    add(RR_TYPES.DNSKEY, key.dnskey, dnskey)
    add(RR_TYPES.CDNSKEY, key.dnskey, dnskey)
    add(RR_TYPES.CDS, key.ds, ds)
    if (this.config.denial === 'nsec3') add(RR_TYPES.NSEC3PARAM, NSEC3PARAM_RDATA, '1 0 0 -')
  }

  info(): DnssecZoneInfo[] {
    return [...this.keys.values()].map((k) => ({ zone: k.zone, algorithm: k.algorithm, keyTag: k.keyTag, ds: dsText(k), dnskey: dnskeyText(k) }))
  }
}
