/** The ALIAS server's public shapes: what `startAliasServer` takes and the handle it returns. */
import type { AliasCounters, AliasSettings, AliasSettingsPatch, DnssecConfig, DnssecZoneInfo, QueryLogEntry, UpstreamConfig, UpstreamMode } from '@shared/alias-server'
import type { GeoFile } from '@shared/geo'
import type { Zone } from '../zone'
import type { CompactZoneData } from './compact-zone'
import type { SimulatedTarget, SimulatedTargetOptions } from './simulated-target'
import type { TransferConfig } from './transfer/transfer-service'

export interface AliasServerOptions {
  /** An IP literal; default 127.0.0.1. Any non-loopback address logs a warning and turns rate limiting on. */
  host?: string
  /** Default 0: a free port, the same for UDP and TCP. */
  port?: number
  /** Parsed zones, or their compact form (from loadZoneOffThread, so a big zone never parses on this thread). */
  zones: (Zone | CompactZoneData)[]
  upstream: UpstreamConfig
  settings?: AliasSettingsPatch
  simulatedTarget?: SimulatedTargetOptions
  /** A simulated CDN with geography (`--geo FILE`): its names answer per client subnet. */
  geo?: GeoFile
  /** Per-query log events (default true); same as settings.logQueries. */
  logQueries?: boolean
  /** Response-rate limiting for UDP; default: on exactly when `host` is not loopback. */
  rateLimit?: boolean
  /** Warnings (non-loopback bind); default console.warn. */
  onWarning?: (message: string) => void
  /** Sign every zone online (keys kept in `dnssec.keyDir`); absent: unsigned. */
  dnssec?: DnssecConfig
  /** Zone transfers over TCP (default: raw, from loopback only, no NOTIFY). */
  transfer?: TransferConfig
  /** Transfer and NOTIFY events, one line each; default console.log. */
  onTransferLog?: (line: string) => void
  /** Unexpected internal errors (each answered SERVFAIL); default console.error. */
  onError?: (error: unknown) => void
}

export type SimulatedTargetControl = Pick<SimulatedTarget, 'state' | 'set' | 'setFailure' | 'rotate' | 'stopRotation' | 'onChange'>

export interface AliasServer {
  readonly host: string
  readonly port: number
  readonly upstreamMode: UpstreamMode
  /** Closes both sockets and every timer; idempotent. */
  stop(): Promise<void>
  /** Replaces every zone (each needs a SOA at its apex); cached answers are dropped, target caches kept. */
  setZones(zones: (Zone | CompactZoneData)[]): void
  /** Replaces the geo CDN (null: none), checked like `--geo`; cached target answers are dropped. */
  setGeo(file: unknown): void
  updateSettings(patch: AliasSettingsPatch): AliasSettings
  /** Empties the target cache (and the answers built from it): the next ALIAS query asks upstream. Returns the entries dropped. */
  flushTargetCache(): number
  settings(): AliasSettings
  counters(): AliasCounters
  /** Query-log events, delivered in batches (every ~50 ms) off the hot path. */
  onQuery(listener: (batch: QueryLogEntry[]) => void): () => void
  readonly simulatedTarget: SimulatedTargetControl
  /** Each signed zone's key, DS and DNSKEY; empty when DNSSEC is off. */
  dnssec(): DnssecZoneInfo[]
}
