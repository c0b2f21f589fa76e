import { join } from 'node:path'
/**
 * The lab: owns the embedded ALIAS test server's lifecycle (127.0.0.1 only), its zone, its
 * simulated target and its saved settings. Operations that change state run one at a time.
 */
import { type AliasSettings, type AliasSettingsPatch, type ZoneDialect } from '@shared/alias-server'
import type { LabHttpsAlias, LabStartInput, LabStatus, LabZone } from '@shared/lab'
import { ServiceError } from '@shared/errors'
import { DEFAULT_SIMULATED_NAME, startAliasServer, type AliasServer } from '../alias-server'
import { defaultSettings, definedOnly, mergeSettings } from '../alias-server/settings'
import type { ResolverTarget } from '@shared/dns'
import { CompareRunner } from './compare'
import { startEventPump, type EventPump } from './event-pump'
import { servedText } from './https-alias'
import { createLabLog } from './lab-log'
import { targetOperations } from './lab-target-ops'
import { LabFileStore, type LabFile } from './lab-file'
import { withoutProfileRules, type LabService, type LabServiceOptions } from './lab-service-types'
import { checkLabPorts, LAB_HOST, portRefusal } from './lab-ports'
import { checkZoneOffThread, LabZones, zoneErrorsMessage, type CurrentZone } from './lab-zones'
import { transferZone } from './lab-transfer'
import { upstreamConfig, upstreamFields, upstreamTarget } from './upstream-config'
import { serialQueue } from '../storage/serial'

export type { LabService, LabServiceOptions } from './lab-service-types'

interface Running {
  server: AliasServer
  pump: EventPump
  detachLog: () => void
  resolver: ResolverTarget | null
}

export function createLabService(options: LabServiceOptions): LabService {
  const store = new LabFileStore(options.dataDir)
  const zones = new LabZones(options.dataDir)
  const log = createLabLog(options.dataDir, options.events)
  const warnings: string[] = []
  let file: LabFile | undefined
  let loading: Promise<LabFile> | undefined
  let running: Running | null = null
  let disposed = false
  const compare = new CompareRunner()

  const state = (): Promise<LabFile> =>
    file
      ? Promise.resolve(file)
      : (loading ??= store.load().then((loaded) => {
          if (loaded.warning) {
            warnings.push(loaded.warning)
            options.events.emit('app:notice', { level: 'warn', message: loaded.warning })
          }
          file = loaded.file
          return file
        }))

  const serialized = serialQueue()

  const persist = async (next: LabFile): Promise<void> => {
    file = next
    await store.save(next)
  }

  const savedSettings = (f: LabFile): AliasSettings => mergeSettings(defaultSettings(), f.settings)

  /** The zone as the server gets it: with `@ HTTPS 0 target.` beside the ALIAS when that option is on. */
  let httpsAlias: LabHttpsAlias = { enabled: false, record: null, problem: null }
  const servedZone = async (f: LabFile, zone: CurrentZone & { data: NonNullable<CurrentZone['data']> }) => {
    const served = servedText(zone.text, zone.data, f.httpsAlias)
    httpsAlias = served.state
    if (served.text === zone.text) return zone.data
    const checked = await checkZoneOffThread(served.text, zone.dialect)
    if (checked.data) return checked.data
    httpsAlias = { ...served.state, record: null, problem: `the ${zone.dialect} dialect refused the record: ${zoneErrorsMessage(checked.errors)}` }
    return zone.data
  }

  const stopRunning = async (): Promise<void> => {
    const current = running
    running = null
    if (!current) return
    current.pump.close()
    await current.server.stop()
    current.detachLog()
  }

  const status = async (): Promise<LabStatus> => {
    const f = await state()
    const zone = await zones.current(f.zoneOrigin, f.dialect)
    const server = running?.server
    return {
      running: server !== undefined,
      host: server ? server.host : null,
      port: server ? server.port : null,
      upstreamMode: server ? server.upstreamMode : f.upstreamMode,
      ...upstreamFields(running ? running.resolver : f.upstreamResolver),
      settings: server ? server.settings() : savedSettings(f),
      counters: server ? server.counters() : null,
      zone: { origin: zone.origin, demo: zone.demo, dialect: f.dialect },
      target: server ? server.simulatedTarget.state() : null,
      warnings: [...warnings],
      sets: f.sets,
      serving: f.serving,
      dnssec: server ? server.dnssec() : [],
      dnssecChoice: f.dnssec,
      axfr: f.axfr,
      geo: f.geo,
      httpsAlias: server || !zone.data ? httpsAlias : servedText(zone.text, zone.data, f.httpsAlias).state
    }
  }

  const start = async (input: LabStartInput): Promise<LabStatus> => {
    if (disposed) throw new ServiceError('conflict', 'the lab is shutting down')
    checkLabPorts(input)
    const f = await state()
    const patch = definedOnly(input.settings ?? {})
    const settings = mergeSettings(savedSettings(f), patch)
    const resolver = input.upstreamResolver !== undefined
      ? await upstreamTarget(input.upstreamResolver, options.resolverList)
      : input.upstreamMode === 'simulated' ? null : f.upstreamResolver
    const serverPort = input.authoritativePort ?? f.authoritativePort
    const upstream = upstreamConfig({ mode: input.upstreamMode, resolver, serverPort })
    const zone = await zones.current(f.zoneOrigin, f.dialect)
    if (!zone.data) {
      throw new ServiceError('bad-input', `the saved zone ${zone.path} has errors; fix it in the editor first. ${zoneErrorsMessage(zone.errors)}`)
    }
    const served = await servedZone(f, { ...zone, data: zone.data })
    const dnssec = input.dnssec === undefined ? f.dnssec : input.dnssec
    const axfr = input.axfr ?? f.axfr
    // a restart keeps the running port unless another one is asked for
    const port = input.port || f.port || running?.server.port || 0
    await stopRunning()
    let server: AliasServer
    try {
      server = await startAliasServer({
        host: LAB_HOST,
        port,
        zones: [served],
        upstream,
        settings,
        simulatedTarget: f.target ?? undefined,
        ...(dnssec ? { dnssec: { keyDir: join(options.dataDir, 'dnssec-keys'), ...dnssec } } : {}),
        ...(f.geo ? { geo: f.geo } : {}),
        transfer: { mode: axfr },
        onError: options.onError
      })
    } catch (error) {
      throw portRefusal(error, port)
    }
    running = { server, pump: startEventPump(server, options.events), detachLog: log.attach(server), resolver }
    if (f.rotation) server.simulatedTarget.rotate(f.rotation)
    await persist({
      ...f,
      running: true,
      settings: { ...f.settings, ...patch },
      upstreamMode: input.upstreamMode,
      upstreamResolver: resolver ?? f.upstreamResolver,
      authoritativePort: serverPort,
      port: input.port ? input.port : f.port,
      dnssec,
      axfr
    })
    return status()
  }

  const getZone = async (): Promise<LabZone> => {
    const f = await state()
    const zone = await zones.current(f.zoneOrigin, f.dialect)
    return { origin: zone.origin, text: zone.text, demo: zone.demo, path: zone.path, errors: zone.errors, dialect: f.dialect }
  }

  const saveZone = async (text: string, chosen?: ZoneDialect) => {
    const f = await state()
    const dialect = chosen ?? f.dialect
    const checked = await checkZoneOffThread(text, dialect)
    const zone = checked.data
    if (!zone) throw new ServiceError('bad-input', zoneErrorsMessage(checked.errors))
    if (zone.origin === (running?.server.simulatedTarget.state().name ?? DEFAULT_SIMULATED_NAME)) {
      throw new ServiceError('bad-input', `${zone.origin} is the simulated target's own zone; give the lab zone another origin`)
    }
    const path = await zones.save(zone, text)
    zones.remember(path, text, { ...checked, data: zone }, dialect)
    const next = { ...f, zoneOrigin: zone.origin, dialect }
    await persist(next)
    let reloaded = false
    if (running) {
      running.server.setZones([await servedZone(next, { origin: zone.origin, text, demo: false, path, dialect, ...checked, data: zone })])
      reloaded = true
    }
    return { origin: zone.origin, path, records: checked.records, reloaded }
  }

  const target = targetOperations({ state, persist, server: () => running?.server })

  const restore = async (): Promise<void> => {
    const f = await state()
    if (!f.running || running || disposed) return
    try {
      await start({ upstreamMode: f.upstreamMode, ...(f.port ? { port: f.port } : {}) })
    } catch (error) {
      const message = `The lab server ran when the app last stopped, but could not start again: ${error instanceof Error ? error.message : String(error)}`
      warnings.push(message)
      options.events.emit('app:notice', { level: 'warn', message })
    }
  }

  const updateSettings = async (patch: AliasSettingsPatch): Promise<AliasSettings> => {
    const f = await state()
    const defined = definedOnly(patch)
    const next = mergeSettings(savedSettings(f), defined)
    const applied = running ? running.server.updateSettings(defined) : next
    // picking a profile drops the overrides saved for the previous one
    const kept = defined.profile === undefined ? f.settings : withoutProfileRules(f.settings)
    await persist({ ...f, settings: { ...kept, ...defined } })
    return applied
  }

  const setGeo: LabService['setGeo'] = async ({ geo }) => {
    running?.server.setGeo(geo ?? null)
    await persist({ ...(await state()), geo: geo ?? null })
    return status()
  }

  const setHttpsAlias = async (enabled: boolean): Promise<LabStatus> => {
    const f = { ...(await state()), httpsAlias: enabled }
    await persist(f)
    const zone = await zones.current(f.zoneOrigin, f.dialect)
    if (running && zone.data) running.server.setZones([await servedZone(f, { ...zone, data: zone.data })])
    return status()
  }

  return {
    status: () => serialized(status),
    setGeo: (input) => serialized(() => setGeo(input)),
    setHttpsAlias: (enabled) => serialized(() => setHttpsAlias(enabled)),
    start: (input) => serialized(() => start(input)),
    stop: () =>
      serialized(async () => {
        await stopRunning()
        await persist({ ...(await state()), running: false })
        return status()
      }),
    getZone: () => serialized(getZone),
    saveZone: (text, dialect) => serialized(() => saveZone(text, dialect)),
    setTarget: (input) => serialized(() => target.setTarget(input)),
    rotateTarget: (input) => serialized(() => target.rotateTarget(input)),
    setTargetState: (input) => serialized(() => target.setTargetState(input)),
    updateSettings: (patch) => serialized(() => updateSettings(patch)),
    saveSets: (input) => serialized(() => target.saveSets(input)),
    flushCache: () => serialized(target.flushCache),
    log: async (input) => log.page(input),
    exportLog: async (input) => log.export(input),
    clearLog: async () => log.clear(),
    restore: () => serialized(restore),
    compareStart: (input) => compare.start(input),
    compareGet: () => compare.state(),
    compareStop: async () => {
      await compare.stop()
      return compare.state()
    },
    transfer: async (zone) => {
      const port = running?.server.port
      if (port === undefined) throw new ServiceError('conflict', 'the lab server is not running: start it to transfer its zone')
      return transferZone(port, zone)
    },
    port: () => running?.server.port,
    dispose: () => {
      disposed = true
      void compare.stop()
      // the saved `running` stays as it is: a server that ran at quit runs again at the next launch
      return serialized(async () => {
        await stopRunning()
        log.close()
      })
    }
  }
}
