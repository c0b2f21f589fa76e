import { useState } from 'react'
import type { Advice, AdviseInput } from '@shared/advisor'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'

export interface AdviceState {
  advice: Advice | null
  error: ApiError | null
  busy: boolean
  /** Asks the advisor (`advise:run`) which technique fits this apex and target. */
  run(input: AdviseInput): Promise<void>
}

/** "Apex readiness": the advisor's answer for one apex and target, asked on demand. */
export function useAdvice(): AdviceState {
  const [advice, setAdvice] = useState<Advice | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (input: AdviseInput) => {
    setBusy(true)
    const result = await getApi().advise.run(input)
    setBusy(false)
    if (result.ok) {
      setAdvice(result.value)
      setError(null)
    } else setError(result.error)
  }
  return { advice, error, busy, run }
}
