import { join } from 'node:path'
/**
 * The lab: owns the embedded ALIAS test server's lifecycle (127.0.0.1 only), its zone, its
 * simulated target and its saved settings. Operations that change state run one at a time.
 */
import { type AliasSettings, type AliasSettingsPatch, type SimulatedTargetState, type TargetFailureInput, type ZoneDialect } from '@shared/alias-server'
import type { LabCompareInput, LabCompareRun, LabRotateTargetInput, LabSaveSetsInput, LabSetTargetInput, LabStartInput, LabStatus, LabTransferResult, LabZone } from '@shared/lab'
import type { LabFlushResult, LabLogExportInput, LabLogInput, LabLogPage, QueryLogStats } from '@shared/lab-log'
import type { EventBus } from '../api/event-bus'
import { ServiceError } from '@shared/errors'
import { DEFAULT_SIMULATED_NAME, startAliasServer, type AliasServer } from '../alias-server'
import { applySettings, defaultSettings } from '../alias-server/settings'
import { profileSettings } from '../providers'
import { CompareRunner } from './compare'
import { startEventPump, type EventPump } from './event-pump'
import { createLabLog } from './lab-log'
import { afterRotation, saveSets as saveTargetSets } from './target-sets'
import { LabFileStore, type LabFile } from './lab-file'
import { checkZoneOffThread, LabZones, zoneErrorsMessage } from './lab-zones'
import { transferZone } from './lab-transfer'
import { upstreamConfig } from './upstream-config'

export const LAB_HOST = '127.0.0.1'

export interface LabServiceOptions {
  dataDir: string
  events: EventBus
  /** Internal server errors (each answered SERVFAIL); default console.error. */
  onError?: (error: unknown) => void
  /** Entries the stored query log keeps (default QUERY_LOG_CAP). */
  logCap?: number
}

export interface LabService {
  status(): Promise<LabStatus>
  start(input: LabStartInput): Promise<LabStatus>
  stop(): Promise<LabStatus>
  getZone(): Promise<LabZone>
  saveZone(text: string, dialect?: ZoneDialect): Promise<{ origin: string; path: string; records: number; reloaded: boolean }>
  setTarget(input: LabSetTargetInput): Promise<SimulatedTargetState>
  rotateTarget(input: LabRotateTargetInput): Promise<SimulatedTargetState>
  /** The failure-mode lab: how the simulated target answers the server (not saved: every start begins 'ok'). */
  setTargetState(input: TargetFailureInput): Promise<SimulatedTargetState>
  updateSettings(patch: AliasSettingsPatch): Promise<AliasSettings>
  saveSets(input: LabSaveSetsInput): Promise<SimulatedTargetState | null>
  flushCache(): Promise<LabFlushResult>
  log(input: LabLogInput): Promise<LabLogPage>
  exportLog(input: LabLogExportInput): Promise<string>
  clearLog(): Promise<QueryLogStats>
  /** Starts the server again when it ran as the app last stopped; problems become warnings. */
  restore(): Promise<void>
  /** Compare providers side by side: one server per profile through one target schedule (a new run stops the last). */
  compareStart(input: LabCompareInput): Promise<LabCompareRun>
  compareGet(): LabCompareRun | null
  compareStop(): Promise<LabCompareRun | null>
  /** An AXFR of `zone` from the running server (loopback), as a secondary would ask. */
  transfer(zone: string): Promise<LabTransferResult>
  /** The running server's port, for the resolver list; undefined while stopped. */
  port(): number | undefined
  dispose(): Promise<void>
}

interface Running {
  server: AliasServer
  pump: EventPump
  detachLog: () => void
  resolver: string | null
}

const definedOnly = (patch: AliasSettingsPatch): AliasSettingsPatch =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as AliasSettingsPatch

const withoutProfileRules = (saved: AliasSettingsPatch): AliasSettingsPatch => {
  const governed = new Set(Object.keys(profileSettings('draft')))
  return Object.fromEntries(Object.entries(saved).filter(([k]) => !governed.has(k))) as AliasSettingsPatch
}

function portInUse(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'EADDRINUSE' || code === 'EACCES'
}

export function createLabService(options: LabServiceOptions): LabService {
  const store = new LabFileStore(options.dataDir)
  const zones = new LabZones(options.dataDir)
  const log = createLabLog(options.dataDir, options.events, options.logCap)
  const warnings: string[] = []
  let file: LabFile | undefined
  let loading: Promise<LabFile> | undefined
  let running: Running | null = null
  let disposed = false
  let queue: Promise<unknown> = Promise.resolve()
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

  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => {})
    return run
  }

  const persist = async (next: LabFile): Promise<void> => {
    file = next
    await store.save(next)
  }

  const savedSettings = (f: LabFile): AliasSettings => applySettings(defaultSettings(), definedOnly(f.settings))

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
      upstreamResolver: running ? running.resolver : f.upstreamResolver,
      settings: server ? server.settings() : savedSettings(f),
      counters: server ? server.counters() : null,
      zone: { origin: zone.origin, demo: zone.demo, dialect: f.dialect },
      target: server ? server.simulatedTarget.state() : null,
      warnings: [...warnings],
      sets: f.sets,
      serving: f.serving,
      dnssec: server ? server.dnssec() : []
    }
  }

  const start = async (input: LabStartInput): Promise<LabStatus> => {
    if (disposed) throw new ServiceError('conflict', 'the lab is shutting down')
    const f = await state()
    const patch = definedOnly(input.settings ?? {})
    const settings = applySettings(savedSettings(f), patch)
    const resolver = input.upstreamResolver ?? (input.upstreamMode === 'simulated' ? null : f.upstreamResolver)
    const serverPort = input.authoritativePort ?? f.authoritativePort
    const upstream = upstreamConfig({ mode: input.upstreamMode, resolver, serverPort })
    const zone = await zones.current(f.zoneOrigin, f.dialect)
    if (!zone.data) {
      throw new ServiceError('bad-input', `the saved zone ${zone.path} has errors; fix it in the editor first. ${zoneErrorsMessage(zone.errors)}`)
    }
    // a restart keeps the running port unless another one is asked for
    const port = input.port || f.port || running?.server.port || 0
    await stopRunning()
    let server: AliasServer
    try {
      server = await startAliasServer({
        host: LAB_HOST,
        port,
        zones: [zone.data],
        upstream,
        settings,
        simulatedTarget: f.target ?? undefined,
        ...(input.dnssec ? { dnssec: { keyDir: join(options.dataDir, 'dnssec-keys'), ...input.dnssec } } : {}),
        transfer: { mode: input.axfr ?? 'raw' },
        onError: options.onError
      })
    } catch (error) {
      if (portInUse(error)) throw new ServiceError('conflict', `port ${port} on ${LAB_HOST} is in use (or not allowed); choose another, or 0 for any free port`)
      throw error
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
      port: input.port ? input.port : f.port
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
    await persist({ ...f, zoneOrigin: zone.origin, dialect })
    let reloaded = false
    if (running) {
      running.server.setZones([zone])
      reloaded = true
    }
    return { origin: zone.origin, path, records: checked.records, reloaded }
  }

  const setTarget = async (input: LabSetTargetInput): Promise<SimulatedTargetState> => {
    const f = await state()
    const target = { a: [...input.a], aaaa: [...input.aaaa], ttl: input.ttl }
    const server = running?.server
    const result = server
      ? server.simulatedTarget.set(target)
      : { name: DEFAULT_SIMULATED_NAME, ...target, version: 0, changedAt: Date.now(), failure: { state: 'ok' as const }, rotation: null }
    await persist({ ...f, target })
    return result
  }

  const rotateTarget = async (input: LabRotateTargetInput): Promise<SimulatedTargetState> => {
    const f = await state()
    const server = running?.server
    if (!server) throw new ServiceError('conflict', 'the lab server is not running; start it to rotate its target')
    const stop = 'stop' in input
    const result = stop ? server.simulatedTarget.stopRotation() : server.simulatedTarget.rotate(input)
    await persist(afterRotation(f, result, stop))
    return result
  }

  const saveSets = async (input: LabSaveSetsInput): Promise<SimulatedTargetState | null> => {
    const { next, served } = saveTargetSets(await state(), input, running?.server)
    await persist(next)
    return served
  }

  const flushCache = async (): Promise<LabFlushResult> => {
    const server = running?.server
    if (!server) throw new ServiceError('conflict', 'the lab server is not running: there is no ALIAS cache to flush')
    return { targets: server.flushTargetCache() }
  }

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

  const setTargetState = async (input: TargetFailureInput): Promise<SimulatedTargetState> => {
    const server = running?.server
    if (!server) throw new ServiceError('conflict', 'the lab server is not running; start it to break its target')
    return server.simulatedTarget.setFailure(input)
  }

  const updateSettings = async (patch: AliasSettingsPatch): Promise<AliasSettings> => {
    const f = await state()
    const defined = definedOnly(patch)
    const next = applySettings(savedSettings(f), defined)
    const applied = running ? running.server.updateSettings(defined) : next
    // picking a profile drops the overrides saved for the previous one
    const kept = defined.profile === undefined ? f.settings : withoutProfileRules(f.settings)
    await persist({ ...f, settings: { ...kept, ...defined } })
    return applied
  }

  return {
    status: () => serialized(status),
    start: (input) => serialized(() => start(input)),
    stop: () =>
      serialized(async () => {
        await stopRunning()
        await persist({ ...(await state()), running: false })
        return status()
      }),
    getZone: () => serialized(getZone),
    saveZone: (text, dialect) => serialized(() => saveZone(text, dialect)),
    setTarget: (input) => serialized(() => setTarget(input)),
    rotateTarget: (input) => serialized(() => rotateTarget(input)),
    setTargetState: (input) => serialized(() => setTargetState(input)),
    updateSettings: (patch) => serialized(() => updateSettings(patch)),
    saveSets: (input) => serialized(() => saveSets(input)),
    flushCache: () => serialized(flushCache),
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
