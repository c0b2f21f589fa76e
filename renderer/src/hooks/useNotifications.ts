import { useState } from 'react'
import { getApi } from '../transport'
import { useAsk } from './useAsk'

/** The desktop notifications setting kept in preferences.json: null until read, then on or off. */
export function useNotifications(): { enabled: boolean | null; change(enabled: boolean): Promise<void> } {
  const [enabled, setEnabled] = useState<boolean | null>(null)
  useAsk(
    (api) => api.prefs.desktop(),
    (result) => {
      if (result.ok) setEnabled(result.value.notifications)
    }
  )
  const change = async (next: boolean) => {
    setEnabled(next)
    const result = await getApi().prefs.setNotifications({ enabled: next })
    if (result.ok) setEnabled(result.value.notifications)
  }
  return { enabled, change }
}
