import { useState } from 'react'
import type { Advice, AdviseInput } from '@shared/advisor'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'
import { useCall } from './useCall'

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
  const { busy, error, call } = useCall()
  const run = async (input: AdviseInput) => {
    const result = await call(() => getApi().advise.run(input))
    if (result.ok) setAdvice(result.value)
  }
  return { advice, error, busy, run }
}
