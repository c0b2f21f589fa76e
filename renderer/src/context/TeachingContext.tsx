import { createContext, useContext, useState, type ReactNode } from 'react'

interface Teaching {
  enabled: boolean
  setEnabled(value: boolean): void
}

const TeachingContext = createContext<Teaching>({ enabled: true, setEnabled: () => undefined })

const storageKey = 'alias-inspector-teaching'

/** Whether the short explanations next to results are shown; the user turns them off once they know DNS. */
export function TeachingProvider({ children }: { children: ReactNode }) {
  const [enabled, setEnabledState] = useState(() => localStorage.getItem(storageKey) !== 'off')
  const setEnabled = (value: boolean) => {
    localStorage.setItem(storageKey, value ? 'on' : 'off')
    setEnabledState(value)
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
