import { useCallback, useEffect, useState } from 'react'
import type { SavedZone } from '@shared/audit'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'

/** Text to audit taken from somewhere, and where it came from. */
export interface LoadedSource {
  text: string
  source: string
  /** The port the zone's own servers answer on, when that is not 53 (the running lab's). */
  authPort?: number
}

export type Loaded = { ok: true; value: LoadedSource } | { ok: false; error: ApiError }

/** The audit's inputs kept on the main side: the zones saved under the data folder and the lab's zone. */
export function useAuditSources(): { zones: SavedZone[]; refresh(): Promise<void>; loadSaved(file: string): Promise<Loaded>; loadLab(): Promise<Loaded> } {
  const [zones, setZones] = useState<SavedZone[]>([])

  const refresh = useCallback(async () => {
    const listed = await getApi().audit.zones()
    if (listed.ok) setZones(listed.value)
  }, [])
  useEffect(() => void refresh(), [refresh])

  const labPort = async (): Promise<number | undefined> => {
    const status = await getApi().lab.status()
    return status.ok && status.value.running && status.value.port ? status.value.port : undefined
  }

  const loadSaved = useCallback(async (file: string): Promise<Loaded> => {
    const zone = await getApi().audit.zone({ file })
    if (!zone.ok) return zone
    const lab = await getApi().lab.status()
    // the zone the lab serves is answered on the lab's port, not 53
    const served = lab.ok && lab.value.running && lab.value.zone.origin === zone.value.origin ? await labPort() : undefined
    return { ok: true, value: { text: zone.value.text, source: `saved zone ${zone.value.origin}`, ...(served ? { authPort: served } : {}) } }
  }, [])

  const loadLab = useCallback(async (): Promise<Loaded> => {
    const zone = await getApi().lab.getZone()
    if (!zone.ok) return zone
    const port = await labPort()
    return { ok: true, value: { text: zone.value.text, source: `lab zone ${zone.value.origin}`, ...(port ? { authPort: port } : {}) } }
  }, [])

  return { zones, refresh, loadSaved, loadLab }
}
