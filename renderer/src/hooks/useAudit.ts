import { useCallback, useEffect, useRef, useState } from 'react'
import type { AuditEvent, AuditProgress, AuditRow, AuditStartInput } from '@shared/audit'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'

export interface AuditState {
  id: string | null
  status: 'idle' | 'starting' | AuditEvent['state']
  rows: AuditRow[]
  progress: AuditProgress | null
  error: ApiError | null
  message?: string
}

const idle: AuditState = { id: null, status: 'idle', rows: [], progress: null, error: null }

/** One audit at a time from this view: start, cancel, and the rows as they stream in (batched events). */
export function useAudit(): { state: AuditState; start(input: AuditStartInput): Promise<void>; cancel(): Promise<void> } {
  const [state, setState] = useState<AuditState>(idle)
  const current = useRef<string | null>(null)

  useEffect(
    () =>
      getApi().audit.onProgress((event) => {
        if (event.id !== current.current) return
        setState((s) => ({
          ...s,
          status: event.state,
          rows: event.rows.length > 0 ? s.rows.concat(event.rows) : s.rows,
          progress: event.progress,
          ...(event.message ? { message: event.message } : {})
        }))
      }),
    []
  )

  const start = useCallback(async (input: AuditStartInput) => {
    current.current = null
    setState({ ...idle, status: 'starting' })
    const result = await getApi().audit.start(input)
    if (!result.ok) {
      setState({ ...idle, error: result.error })
      return
    }
    current.current = result.value.id
    setState({ ...idle, id: result.value.id, status: 'running', progress: { done: 0, total: result.value.total, errors: 0, rate: 0, elapsedMs: 0 } })
  }, [])

  const cancel = useCallback(async () => {
    if (!current.current) return
    const result = await getApi().audit.cancel({ id: current.current })
    if (!result.ok && result.error.code !== 'not-found') setState((s) => ({ ...s, error: result.error }))
  }, [])

  return { state, start, cancel }
}
