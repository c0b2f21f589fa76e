import { defaultAliasSettings } from '@shared/alias-server'
import type { LabStatus } from '@shared/lab'

/** A running lab's status as the experiments' checks read it, with no target unless the patch gives one. */
export const labStatus = (patch: Partial<LabStatus> = {}): LabStatus => ({
  running: true,
  host: '127.0.0.1',
  port: 5300,
  upstreamMode: 'simulated',
  upstreamResolver: null,
  upstreamTarget: null,
  settings: defaultAliasSettings,
  counters: null,
  zone: { origin: 'example.test.', demo: false },
  target: null,
  warnings: [],
  sets: null,
  serving: null,
  ...patch
})
