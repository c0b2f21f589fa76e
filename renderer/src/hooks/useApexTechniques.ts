import { useCallback, useState } from 'react'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'

/** One question a client asks the lab server, and what it got back. */
export interface AskedQuestion {
  name: string
  type: 'A' | 'HTTPS'
  rcode: string
  records: Array<{ name: string; type: string; ttl: number; data: string }>
}

export interface TechniqueRuns {
  cname: AskedQuestion[]
  alias: AskedQuestion[]
  aliasMode: AskedQuestion[]
}

/**
 * Asks the running lab server what a client sees for each apex technique: a CNAME (on `cnameName`: it cannot be
 * at the apex), the ALIAS (the apex A), and HTTPS AliasMode (the apex HTTPS, then the name it hands over).
 */
export function useApexTechniques(port: number | null) {
  const [runs, setRuns] = useState<TechniqueRuns | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const ask = useCallback(
    async (name: string, type: AskedQuestion['type']): Promise<AskedQuestion> => {
      const r = await getApi().dns.query({ name, type, resolver: { transport: 'udp', host: '127.0.0.1', port: port! }, options: { timeoutMs: 3000 } })
      if (!r.ok) throw r.error
      return { name, type, rcode: r.value.header.rcode, records: r.value.answer.map(({ name: owner, type: t, ttl, data }) => ({ name: owner, type: t, ttl, data })) }
    },
    [port]
  )
  const run = useCallback(
    async (apex: string, cnameName: string) => {
      if (port === null || busy) return
      setBusy(true)
      try {
        const cname = [await ask(cnameName, 'A')]
        const alias = [await ask(apex, 'A')]
        const https = await ask(apex, 'HTTPS')
        const handed = https.records.find((rr) => rr.type === 'HTTPS' && /^0 /.test(rr.data))?.data.split(/\s+/)[1]
        const aliasMode = handed && handed !== '.' ? [https, await ask(handed, 'HTTPS'), await ask(handed, 'A')] : [https]
        setRuns({ cname, alias, aliasMode })
        setError(null)
      } catch (e) {
        setError(e as ApiError)
      } finally {
        setBusy(false)
      }
    },
    [ask, busy, port]
  )
  return { runs, error, busy, run }
}
