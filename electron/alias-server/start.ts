/**
 * The local ALIAS test server: an authoritative DNS server on UDP and TCP that expands ALIAS/ANAME
 * records through an upstream (a resolver, the target's own authoritative servers, or an in-process
 * simulated target). Plain Node; behaviour choices in the README ("The local ALIAS test server").
 */
import { isIP } from 'node:net'
import { upstreamConfigSchema, type AliasSettings } from '@shared/alias-server'
import { parseInput, ServiceError } from '@shared/errors'
import { geoFileSchema, type GeoFile } from '@shared/geo'
import { isLoopback } from '@shared/resolver-target'
import { isAtOrBelow, type Zone } from '../zone'
import type { ResolveContext } from './alias-resolver'
import { AnswerCache } from './answer-cache'
import type { CompactZoneData } from './compact-zone'
import { Counters } from './counters'
import { DnssecState } from './dnssec-state'
import { GeoMap } from './geo/geo-map'
import { geoUpstream } from './geo/geo-upstream'
import { bindError, listenBoth } from './listen'
import { canonicalName } from '../dns/names'
import { QueryHandler } from './query-handler'
import { QueryLog } from './query-log'
import { RateLimiter } from './rate-limiter'
import type { AliasServer, AliasServerOptions } from './server-types'
import { applySettings, defaultSettings } from './settings'
import { SimulatedTarget } from './simulated-target'
import { TargetCache } from './target-cache'
import { TransferService } from './transfer/transfer-service'
import { authoritativeUpstream } from './upstream/authoritative'
import { recursiveUpstream } from './upstream/recursive'
import { simulatedUpstream } from './upstream/simulated'
import { EDE_NO_REACHABLE_AUTHORITY, UpstreamError, type Upstream } from './upstream/types'
import { CompiledZone, ZoneSet } from './zone-set'

export async function startAliasServer(options: AliasServerOptions): Promise<AliasServer> {
  const host = options.host ?? '127.0.0.1'
  if (!isIP(host)) throw new ServiceError('bad-input', `host must be an IP address, not "${host}"`)
  const port = options.port ?? 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServiceError('bad-input', `port ${port} is out of range`)
  const upstreamConfig = parseInput(upstreamConfigSchema, options.upstream, 100, 'upstream: ')
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
  if (dnssec) await dnssec.prepare(options.zones.map((z) => canonicalName(z.origin)))
  // created before the first compile so that it sees every zone's serial
  const transfer = new TransferService(options.transfer ?? { mode: 'raw' }, {
    context: () => getContext(),
    zones: () => staticZones,
    signed: dnssec !== null,
    servedChanged: () => answers.clear(),
    log: options.onTransferLog ?? ((line: string) => console.log(line))
  })
  const compile = (zones: (Zone | CompactZoneData)[]): CompiledZone[] =>
    zones.map((z) => {
      const compiled = new CompiledZone(z)
      dnssec?.decorate(compiled)
      transfer.adopt(compiled)
      return compiled
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
    void transfer.check()
  })

  let context: ResolveContext = { zones: zoneSet, settings, targets }
  const getContext = (): ResolveContext => {
    if (context.zones !== zoneSet || context.settings !== settings) context = { zones: zoneSet, settings, targets }
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
  const closeAll = (): void => {
    simulated.close()
    transfer.close()
    targets.close()
    configured.close()
    log.close()
  }
  let sockets: Awaited<ReturnType<typeof listenBoth>>
  try {
    sockets = await listenBoth(host, port, handler, getSettings, counters, onError)
  } catch (error) {
    closeAll()
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
        closeAll()
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
    simulatedTarget: simulated,
    dnssec: () => dnssec?.info() ?? []
  }
  return server
}

const parseGeo = (input: unknown): GeoFile => parseInput(geoFileSchema, input, { limit: 100, root: 'file' }, 'geo: ')
