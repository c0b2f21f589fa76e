/**
 * The local ALIAS test server: an authoritative DNS server on UDP and TCP that expands ALIAS/ANAME
 * records through an upstream (a resolver, the target's own authoritative servers, or an in-process
 * simulated target). Plain Node; behaviour choices in the README ("The local ALIAS test server").
 */
import { isIP } from 'node:net'
import {
  upstreamConfigSchema,
  type AliasCounters,
  type AliasSettings,
  type AliasSettingsPatch,
  type DnssecConfig,
  type DnssecZoneInfo,
  type QueryLogEntry,
  type SimulatedRotateInput,
  type SimulatedSetInput,
  type SimulatedTargetChange,
  type SimulatedTargetState,
  type TargetFailureInput,
  type UpstreamConfig,
  type UpstreamMode
} from '@shared/alias-server'
import { describeIssues, ServiceError } from '@shared/errors'
import { isAtOrBelow, type Zone } from '../zone'
import type { ResolveContext } from './alias-resolver'
import { AnswerCache } from './answer-cache'
import { Counters } from './counters'
import { QueryHandler } from './query-handler'
import { QueryLog } from './query-log'
import { RateLimiter } from './rate-limiter'
import { applySettings, defaultSettings } from './settings'
import { SimulatedTarget, type SimulatedTargetOptions } from './simulated-target'
import { TargetCache } from './target-cache'
import { listenTcp, type TcpListener } from './transport/tcp-listener'
import { listenUdp, type UdpListener } from './transport/udp-listener'
import { authoritativeUpstream } from './upstream/authoritative'
import { recursiveUpstream } from './upstream/recursive'
import { simulatedUpstream } from './upstream/simulated'
import { GeoMap } from './geo/geo-map'
import { geoUpstream } from './geo/geo-upstream'
import { geoFileSchema, type GeoFile } from '@shared/geo'
import { EDE_NO_REACHABLE_AUTHORITY, UpstreamError, type Upstream } from './upstream/types'
import { CompiledZone, ZoneSet } from './zone-set'
import type { CompactZoneData } from './compact-zone'
import { DnssecState } from './dnssec-state'
import { canonicalName } from '../dns/names'
import { TransferService, type TransferConfig } from './transfer/transfer-service'
import { isLoopback } from '@shared/resolver-target'

export type { AliasCounters, AliasSettings, AliasSettingsPatch, QueryLogEntry, SimulatedTargetChange, SimulatedTargetState, UpstreamConfig }
export type { SimulatedTargetOptions } from './simulated-target'
export { DEFAULT_SIMULATED_NAME } from './simulated-target'
export type { CompactZoneData } from './compact-zone'
export { loadZoneOffThread, type ZoneAliasRecord } from './zone-loader'

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

export interface SimulatedTargetControl {
  state(): SimulatedTargetState
  set(input: SimulatedSetInput): SimulatedTargetState
  setFailure(input: TargetFailureInput): SimulatedTargetState
  rotate(input: SimulatedRotateInput): SimulatedTargetState
  stopRotation(): SimulatedTargetState
  onChange(listener: (change: SimulatedTargetChange) => void): () => void
}

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

const PORT_ATTEMPTS = 20

function bindError(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException)?.code
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`
  if (code === 'EADDRINUSE') return new ServiceError('conflict', `${where} is already in use (UDP or TCP)`)
  if (code === 'EACCES' || code === 'EPERM') return new ServiceError('forbidden', `not allowed to listen on ${where} (ports below 1024 need privileges)`)
  if (code === 'EADDRNOTAVAIL') return new ServiceError('bad-input', `${host} is not an address of this machine`)
  return error instanceof Error ? error : new Error(String(error))
}

async function listenBoth(host: string, port: number, handler: QueryHandler, settings: () => AliasSettings, counters: Counters, onError: (e: unknown) => void) {
  let lastError: unknown
  for (let attempt = 0; attempt < (port === 0 ? PORT_ATTEMPTS : 1); attempt++) {
    const tcp: TcpListener = await listenTcp(host, port, handler, settings, {
      connection: () => counters.tcpConnections++,
      timeout: () => counters.tcpTimeouts++,
      eviction: () => counters.tcpEvictions++,
      refused: () => counters.tcpRefused++,
      error: onError
    })
    try {
      const udp: UdpListener = await listenUdp(host, tcp.port, handler, onError)
      return { tcp, udp }
    } catch (error) {
      lastError = error
      await tcp.close()
    }
  }
  throw lastError
}

export async function startAliasServer(options: AliasServerOptions): Promise<AliasServer> {
  const host = options.host ?? '127.0.0.1'
  if (!isIP(host)) throw new ServiceError('bad-input', `host must be an IP address, not "${host}"`)
  const port = options.port ?? 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServiceError('bad-input', `port ${port} is out of range`)
  const upstreamParsed = upstreamConfigSchema.safeParse(options.upstream)
  if (!upstreamParsed.success) throw new ServiceError('bad-input', `upstream: ${describeIssues(upstreamParsed.error.issues, 100)}`)
  const upstreamConfig = upstreamParsed.data
  const onWarning = options.onWarning ?? ((m: string) => console.warn(m))
  const onError = options.onError ?? ((e: unknown) => console.error('alias-server:', e))

  let settings = applySettings(defaultSettings(), { ...options.settings, ...(options.logQueries !== undefined ? { logQueries: options.logQueries } : {}) })
  const getSettings = (): AliasSettings => settings
  const counters = new Counters()
  const log = new QueryLog()
  log.enabled = settings.logQueries
  const answers = new AnswerCache()
  const simulated = new SimulatedTarget(options.simulatedTarget)

  let staticZones: CompiledZone[] = []
  let zoneSet = new ZoneSet([])
  const rebuild = (zones: CompiledZone[]): void => {
    const next = new ZoneSet([...zones, new CompiledZone(simulated.zone(), 'simulated')])
    staticZones = zones
    zoneSet = next
    answers.clear()
  }
  const dnssec = options.dnssec ? new DnssecState(options.dnssec) : null
  const compile = (zones: (Zone | CompactZoneData)[]): CompiledZone[] =>
    zones.map((z) => {
      const compiled = new CompiledZone(z)
      dnssec?.decorate(compiled)
      transfer?.adopt(compiled)
      return compiled
    })
  if (dnssec) await dnssec.prepare(options.zones.map((z) => canonicalName(z.origin)))
  // created before the first compile so that it sees every zone's serial
  let transfer: TransferService | null = null
  transfer = new TransferService(options.transfer ?? { mode: 'raw' }, {
    context: () => getContext(),
    zones: () => staticZones,
    signed: dnssec !== null,
    servedChanged: () => answers.clear(),
    log: options.onTransferLog ?? ((line: string) => console.log(line))
  })
  rebuild(compile(options.zones))

  const isLocal = (name: string): boolean => zoneSet.find(name)?.kind === 'static'
  const simulatedRoute = simulatedUpstream(simulated, getSettings)
  const configured: Upstream =
    upstreamConfig.mode === 'recursive'
      ? recursiveUpstream(upstreamConfig.resolver, getSettings, isLocal)
      : upstreamConfig.mode === 'authoritative'
        ? authoritativeUpstream({ bootstrap: upstreamConfig.bootstrap, serverPort: upstreamConfig.serverPort, settings: getSettings, isLocal })
        : {
            mode: 'simulated',
            label: 'simulated upstream',
            resolve: async (name) => {
              throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, `the simulated upstream only serves ${simulated.name} (no route to ${name})`, 'network')
            },
            close() {}
          }
  let geo = options.geo ? new GeoMap(parseGeo(options.geo)) : null
  let geoRoute = geo ? geoUpstream(geo, host) : null
  const route = (name: string): Upstream => (geoRoute && geo!.has(name) ? geoRoute : isAtOrBelow(name, simulated.name) ? simulatedRoute : configured)
  const targets = new TargetCache({ settings: getSettings, route, counters })

  simulated.onChange(() => {
    rebuild(staticZones)
    void transfer?.check()
  })

  let context: ResolveContext = { zones: zoneSet, settings, targets }
  let contextZones = zoneSet
  let contextSettings = settings
  const getContext = (): ResolveContext => {
    if (contextZones !== zoneSet || contextSettings !== settings) {
      context = { zones: zoneSet, settings, targets }
      contextZones = zoneSet
      contextSettings = settings
    }
    return context
  }

  const rateLimited = options.rateLimit ?? !isLoopback(host)
  const handler = new QueryHandler({
    settings: getSettings,
    context: getContext,
    answers,
    counters,
    log,
    rateLimiter: rateLimited ? new RateLimiter() : null,
    ...(dnssec ? { sign: (plan, q) => dnssec.signer.sign(plan, q, zoneSet, settings) } : {}),
    transfer: (msg, q, address) => transfer.respond(msg, q, address),
    geo: () => geo,
    onError
  })
  let sockets: Awaited<ReturnType<typeof listenBoth>>
  try {
    sockets = await listenBoth(host, port, handler, getSettings, counters, onError)
  } catch (error) {
    simulated.close()
    transfer.close()
    targets.close()
    configured.close()
    log.close()
    throw bindError(error, host, port)
  }
  const { tcp, udp } = sockets
  if (!isLoopback(host)) {
    onWarning(`alias-server: listening on ${host}:${udp.port}, beyond loopback; response-rate limiting is ${rateLimited ? 'on' : 'off'}`)
  }

  let stopped: Promise<void> | undefined
  const server: AliasServer = {
    host,
    port: udp.port,
    upstreamMode: upstreamConfig.mode,
    stop: () =>
      (stopped ??= (async () => {
        simulated.close()
        transfer.close()
        targets.close()
        configured.close()
        log.close()
        await Promise.all([udp.close(), tcp.close()])
      })()),
    setGeo(file) {
      geo = file === null ? null : new GeoMap(parseGeo(file))
      geoRoute = geo ? geoUpstream(geo, host) : null
      targets.clear()
      answers.clear()
    },
    setZones(zones) {
      rebuild(compile(zones))
      // a new zone is served unsigned until its key is loaded or made (milliseconds)
      if (dnssec) {
        const origins = staticZones.map((z) => z.origin).filter((o) => !dnssec.key(o))
        if (origins.length > 0) void dnssec.prepare(origins).then(() => rebuild(compile(zones)), onError)
      }
    },
    updateSettings(patch) {
      settings = applySettings(settings, patch)
      log.enabled = settings.logQueries
      answers.clear()
      targets.settingsChanged()
      return { ...settings }
    },
    flushTargetCache() {
      const size = targets.size
      targets.clear()
      answers.clear()
      return size
    },
    settings: () => ({ ...settings }),
    counters: () => {
      counters.logDropped = log.dropped
      return counters.snapshot(Date.now(), targets.perTarget())
    },
    onQuery: (listener) => log.onQuery(listener),
    simulatedTarget: {
      state: () => simulated.state(),
      set: (input) => simulated.set(input),
      setFailure: (input) => simulated.setFailure(input),
      rotate: (input) => simulated.rotate(input),
      stopRotation: () => {
        simulated.stopRotation()
        return simulated.state()
      },
      onChange: (listener) => simulated.onChange(listener)
    },
    dnssec: () => dnssec?.info() ?? []
  }
  return server
}

function parseGeo(input: unknown): GeoFile {
  const r = geoFileSchema.safeParse(input)
  if (r.success) return r.data
  throw new ServiceError('bad-input', `geo: ${describeIssues(r.error.issues, { limit: 100, root: 'file' })}`)
}
