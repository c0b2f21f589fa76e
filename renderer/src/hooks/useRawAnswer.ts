import { useCallback, useRef, useState } from 'react'
import type { DnsQueryRequest, DnsQueryResult, ResolverTarget } from '@shared/dns'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'

/** Which answer of the inspection the raw view shows. */
export interface RawAnswerRequest {
  resolver: ResolverTarget
  resolverLabel: string
  side: 'apex' | 'target'
  name: string
  type: string
  timeoutMs?: number
}

export type RawAnswerState =
  | { status: 'closed' }
  | { status: 'loading'; request: RawAnswerRequest }
  | { status: 'ready'; request: RawAnswerRequest; query: DnsQueryRequest; result: DnsQueryResult; dig: string | null; digError: ApiError | null }
  | { status: 'error'; request: RawAnswerRequest; query: DnsQueryRequest; error: ApiError; dig: string | null }

/**
 * The raw view asks the same question again through `dns:query` (with NSID and a client cookie, so the
 * EDNS part has something to show) and gets the exact dig command from the main side (`format:dig`).
 */
export function useRawAnswer(): { state: RawAnswerState; open(request: RawAnswerRequest): void; close(): void } {
  const [state, setState] = useState<RawAnswerState>({ status: 'closed' })
  const latest = useRef(0)

  const open = useCallback((request: RawAnswerRequest) => {
    const id = ++latest.current
    setState({ status: 'loading', request })
    const timeoutMs = request.timeoutMs ?? 3000
    const query: DnsQueryRequest = {
      name: request.name,
      type: request.type,
      resolver: request.resolver,
      options: { nsid: true, cookie: true, timeoutMs, deadlineMs: Math.min(120_000, timeoutMs * 3) }
    }
    void (async () => {
      const answer = await getApi().dns.query(query)
      const dig = await getApi().format.dig({ request: query, ...(answer.ok ? { sentName: answer.value.question.name } : {}) })
      if (id !== latest.current) return
      setState(
        answer.ok
          ? { status: 'ready', request, query, result: answer.value, dig: dig.ok ? dig.value : null, digError: dig.ok ? null : dig.error }
          : { status: 'error', request, query, error: answer.error, dig: dig.ok ? dig.value : null }
      )
    })()
  }, [])

  const close = useCallback(() => {
    latest.current++
    setState({ status: 'closed' })
  }, [])

  return { state, open, close }
}
