import { useEffect, useState } from 'react'
import { getApi } from '../transport'

/** The desktop notifications setting kept in preferences.json: null until read, then on or off. */
export function useNotifications(): { enabled: boolean | null; change(enabled: boolean): Promise<void> } {
  const [enabled, setEnabled] = useState<boolean | null>(null)
  useEffect(() => {
    let live = true
    void getApi()
      .prefs.desktop()
      .then((result) => {
        if (live && result.ok) setEnabled(result.value.notifications)
      })
    return () => {
      live = false
    }
  }, [])
  const change = async (next: boolean) => {
    setEnabled(next)
    const result = await getApi().prefs.setNotifications({ enabled: next })
    if (result.ok) setEnabled(result.value.notifications)
  }
  return { enabled, change }
}
