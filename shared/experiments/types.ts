import type { AliasSettingsPatch, TargetFailureInput, ZoneDialect } from '../alias-server'
import type { GeoFile } from '../geo'
import type { LabCompareInput, LabCompareRun, LabStartInput, LabStatus } from '../lab'
import type { QueryLogRecord } from '../lab-log'

/**
 * An experiment is data: one file in shared/experiments/ exporting one `Experiment`. The Learn view runs its
 * actions through the lab's own channels and computes its check from what the lab really saw.
 */

/** One thing the lab does, through an existing channel (the Learn view runs these; nothing here is simulated). */
export type LabAction =
  /**
   * lab:start on the simulated target when the server is stopped, uses another upstream or signs (a plain start
   * serves unsigned). With `axfr` or `dnssec`: always (re)started with them.
   */
  | { kind: 'start'; axfr?: LabStartInput['axfr']; dnssec?: LabStartInput['dnssec'] }
  /**
   * A query to the running lab server (dns:query to 127.0.0.1:port); its answer is recorded. `dnssecOk`: the DO bit.
   * `subnets`: asked once per client subnet (sent as EDNS Client Subnet), each answer recorded under its subnet.
   */
  | { kind: 'query'; name: string; type: 'A' | 'AAAA' | 'HTTPS'; dnssecOk?: boolean; subnets?: string[] }
  /** lab:setGeo: the geo CDN's regions (null: none). */
  | { kind: 'geo'; geo: GeoFile | null }
  /** lab:setHttpsAlias: serve `@ HTTPS 0 target.` beside the apex ALIAS. */
  | { kind: 'httpsAlias'; enabled: boolean }
  /** An AXFR of the lab's zone over TCP (lab:transfer); its records are recorded with their owners. */
  | { kind: 'transfer'; zone: string }
  /** Queries once a second until the answer contains `contains` or `timeoutSeconds` pass. */
  | { kind: 'queryUntil'; name: string; type: 'A' | 'AAAA'; contains: string; timeoutSeconds: number }
  /** lab:saveZone (in `dialect`, absent: the lab's saved one); a refusal is recorded as the step's result, not thrown. */
  | { kind: 'saveZone'; text: string; dialect?: ZoneDialect }
  | { kind: 'settings'; patch: AliasSettingsPatch }
  | { kind: 'target'; a: string[]; aaaa: string[]; ttl: number }
  | { kind: 'targetState'; state: TargetFailureInput }
  | { kind: 'flush' }
  | { kind: 'clearLog' }
  | { kind: 'wait'; seconds: number }
  | { kind: 'compare'; input: LabCompareInput }

export interface QueryRecord {
  rcode: string
  answer: string[]
  ttl: number | null
  scope?: number
}

/** What one step's actions gave, as the lab answered (kept in the view; checks read it). */
export interface StepRecord {
  at: number
  ok: boolean
  /** The refusal or failure message of the first action that failed. */
  error: string | null
  /** The last query's answer: RCODE, answer records as text, first TTL, the ECS scope when one came back. */
  query: QueryRecord | null
  /** A query asked per client subnet: each answer under its subnet. */
  bySubnet?: Record<string, QueryRecord>
  /** The server's upstream query counter after the step (null: server stopped). */
  upstreamQueries: number | null
}

export interface Step {
  id: string
  /** What the student does or watches, in one sentence. */
  text: string
  /** A button that does it; absent: "do it yourself" in the lab, detected by `detect`. */
  actions?: LabAction[]
  /** The button's label. */
  label?: string
  /** For "do it yourself" steps: whether the lab's state and log show it was done. */
  detect?: (observation: Observation) => boolean
}

export interface Choice {
  id: string
  label: string
}

/** Everything a check may look at: the lab's real status, its stored query log and the steps' records. */
export interface Observation {
  status: LabStatus | null
  /** The stored query log, newest first, since the experiment was (re)started. */
  log: QueryLogRecord[]
  steps: Partial<Record<string, StepRecord>>
  compare: LabCompareRun | null
}

export interface CheckResult {
  done: boolean
  /** What happened, in words (shown beside the prediction). */
  observed: string
  /** Which choice the lab's result matches (compared with the prediction); null when not done. */
  outcome: string | null
}

export interface Source {
  label: string
  url: string
}

interface Common {
  id: string
  /** Order in the list, 1-based. */
  number: number
  title: string
  /** The question it answers. */
  question: string
  minutes: number
}

export interface ReadyExperiment extends Common {
  status: 'ready'
  goal: string
  /** The lab's starting state: run by "Reset the lab" (teacher mode) and before the first step. */
  setup: LabAction[]
  prediction: { question: string; choices: Choice[] }
  /** The choice the lab shows with its starting state: the worksheet's answer (the view compares with the real outcome). */
  expected: string
  steps: Step[]
  check: (observation: Observation) => CheckResult
  /** The answer, in a few paragraphs; the worksheet's answer page. */
  explanation: string[]
  sources: Source[]
  /** A part that waits for a feature still to land, said plainly on the page. */
  later?: string
}

export interface ComingExperiment extends Common {
  status: 'coming'
  /** The feature it waits for. */
  needs: string
  sources: Source[]
}

export type Experiment = ReadyExperiment | ComingExperiment
