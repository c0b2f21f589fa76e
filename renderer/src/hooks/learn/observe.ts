import type { InspectorApi } from '@shared/api'
import type { Observation, StepRecord } from '@shared/experiments'

/** What the lab really saw: its status, its stored query log since `since`, and the last comparison run. */
export async function observe(api: InspectorApi, since: number | null, steps: Partial<Record<string, StepRecord>>): Promise<Observation> {
  const [status, log, compare] = await Promise.all([api.lab.status(), api.lab.log({ limit: 500 }), api.lab.compareGet()])
  const rows = log.ok ? log.value.rows : []
  return {
    status: status.ok ? status.value : null,
    log: since === null ? rows : rows.filter((row) => row.time >= since),
    steps,
    compare: compare.ok && compare.value && (since === null || compare.value.startedAt >= since) ? compare.value : null
  }
}
