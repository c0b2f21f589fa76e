import { createContext, useContext, useState, type ReactNode } from 'react'
import { getApi } from '../transport'
import { useAsk } from '../hooks/useAsk'

interface Teaching {
  enabled: boolean
  setEnabled(value: boolean): void
}

const TeachingContext = createContext<Teaching>({ enabled: true, setEnabled: () => undefined })

/**
 * Whether the short explanations next to results are shown; the user turns them off once they know DNS.
 * Kept on the main side (preferences.json), so browser mode remembers it across launches.
 */
export function TeachingProvider({ children }: { children: ReactNode }) {
  const [enabled, setEnabledState] = useState(true)
  useAsk(
    (api) => api.prefs.display(),
    (result) => {
      if (result.ok) setEnabledState(result.value.teaching)
    }
  )
  const setEnabled = (value: boolean) => {
    setEnabledState(value)
    void getApi().prefs.setTeaching({ enabled: value })
  }
  return <TeachingContext.Provider value={{ enabled, setEnabled }}>{children}</TeachingContext.Provider>
}

export const useTeaching = () => useContext(TeachingContext)

/** A short explanation placed next to what it explains; hidden when teaching is off. */
export function Explain({ children, testId }: { children: ReactNode; testId?: string }) {
  const { enabled } = useTeaching()
  if (!enabled) return null
  return (
    <aside className="explain" data-testid={testId ?? 'explain'}>
      {children}
    </aside>
  )
}
