/** The lab service's contract and the small rules its operations share. */
import type { AliasSettings, AliasSettingsPatch, SimulatedTargetState, TargetFailureInput, ZoneDialect } from '@shared/alias-server'
import type { LabCompareInput, LabCompareRun, LabRotateTargetInput, LabSaveSetsInput, LabSetTargetInput, LabStartInput, LabStatus, LabTransferResult, LabZone } from '@shared/lab'
import type { LabFlushResult, LabLogExportInput, LabLogInput, LabLogPage, QueryLogStats } from '@shared/lab-log'
import type { GeoFile } from '@shared/geo'
import type { EventBus } from '@shared/event-bus'
import type { ResolverList } from '@shared/resolvers'
import { profileSettings } from '../providers'

export interface LabServiceOptions {
  dataDir: string
  events: EventBus
  /** Internal server errors (each answered SERVFAIL); default console.error. */
  onError?: (error: unknown) => void
  /** The resolver list, where `lab:start` finds a resolver given by id. */
  resolverList?: () => Promise<ResolverList>
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
  /** The geo CDN (null: none): saved, and swapped live while the server runs. */
  setGeo(input: { geo: GeoFile | null }): Promise<LabStatus>
  /** Serve `@ HTTPS 0 target.` beside the apex ALIAS (saved; applied at once while running). */
  setHttpsAlias(enabled: boolean): Promise<LabStatus>
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

export const withoutProfileRules = (saved: AliasSettingsPatch): AliasSettingsPatch => {
  const governed = new Set(Object.keys(profileSettings('draft')))
  return Object.fromEntries(Object.entries(saved).filter(([k]) => !governed.has(k))) as AliasSettingsPatch
}
