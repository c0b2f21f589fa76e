/**
 * The lab: owns the embedded ALIAS test server's lifecycle (127.0.0.1 only), its zone, its
 * simulated target and its saved settings. Operations that change state run one at a time.
 */
import { type AliasSettings, type AliasSettingsPatch, type SimulatedTargetState, type TargetFailureInput, type ZoneDialect } from '@shared/alias-server'
import type { LabCompareInput, LabCompareRun, LabRotateTargetInput, LabSetTargetInput, LabStartInput, LabStatus, LabZone } from '@shared/lab'
import type { EventBus } from '../api/event-bus'
import { ServiceError } from '../api/service-error'
import { DEFAULT_SIMULATED_NAME, startAliasServer, type AliasServer } from '../alias-server'
import { applySettings, defaultSettings } from '../alias-server/settings'
import { profileSettings } from '../providers'
import { CompareRunner } from './compare'
import { startEventPump, type EventPump } from './event-pump'
import { LabFileStore, type LabFile } from './lab-file'
import { checkZone, LabZones, zoneErrorsMessage } from './lab-zones'
import { upstreamConfig } from './upstream-config'

export const LAB_HOST = '127.0.0.1'

export interface LabServiceOptions {
  dataDir: string
  events: EventBus
  /** Internal server errors (each answered SERVFAIL); default console.error. */
  onError?: (error: unknown) => void
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
  /** Compare providers side by side: one server per profile through one target schedule (a new run stops the last). */
  compareStart(input: LabCompareInput): Promise<LabCompareRun>
  compareGet(): LabCompareRun | null
  compareStop(): Promise<LabCompareRun | null>
  /** The running server's port, for the resolver list; undefined while stopped. */
  port(): number | undefined
  dispose(): Promise<void>
}

interface Running {
  server: AliasServer
  pump: EventPump
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
      warnings: [...warnings]
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
    if (!zone.zone) {
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
        zones: [zone.zone],
        upstream,
        settings,
        simulatedTarget: f.target ?? undefined,
        onError: options.onError
      })
    } catch (error) {
      if (portInUse(error)) throw new ServiceError('conflict', `port ${port} on ${LAB_HOST} is in use (or not allowed); choose another, or 0 for any free port`)
      throw error
    }
    running = { server, pump: startEventPump(server, options.events), resolver }
    await persist({
      ...f,
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
    const checked = checkZone(text, dialect)
    if (!checked.zone) throw new ServiceError('bad-input', zoneErrorsMessage(checked.errors))
    const zone = checked.zone
    if (zone.origin === (running?.server.simulatedTarget.state().name ?? DEFAULT_SIMULATED_NAME)) {
      throw new ServiceError('bad-input', `${zone.origin} is the simulated target's own zone; give the lab zone another origin`)
    }
    const path = await zones.save(zone, text)
    await persist({ ...f, zoneOrigin: zone.origin, dialect })
    let reloaded = false
    if (running) {
      running.server.setZones([zone])
      reloaded = true
    }
    return { origin: zone.origin, path, records: zone.records.length, reloaded }
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
    const server = running?.server
    if (!server) throw new ServiceError('conflict', 'the lab server is not running; start it to rotate its target')
    return 'stop' in input ? server.simulatedTarget.stopRotation() : server.simulatedTarget.rotate(input)
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
        return status()
      }),
    getZone: () => serialized(getZone),
    saveZone: (text, dialect) => serialized(() => saveZone(text, dialect)),
    setTarget: (input) => serialized(() => setTarget(input)),
    rotateTarget: (input) => serialized(() => rotateTarget(input)),
    setTargetState: (input) => serialized(() => setTargetState(input)),
    updateSettings: (patch) => serialized(() => updateSettings(patch)),
    compareStart: (input) => compare.start(input),
    compareGet: () => compare.state(),
    compareStop: async () => {
      await compare.stop()
      return compare.state()
    },
    port: () => running?.server.port,
    dispose: () => {
      disposed = true
      void compare.stop()
      return serialized(stopRunning)
    }
  }
}
