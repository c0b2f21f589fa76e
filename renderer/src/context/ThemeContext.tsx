import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import type { Theme } from '@shared/preferences'
import { getApi } from '../transport'
import { useAsk } from '../hooks/useAsk'

const systemQuery = () => window.matchMedia('(prefers-color-scheme: dark)')

/** Sets `data-theme` ('light' or 'dark', what the CSS reads) and `data-theme-choice` (what the user picked). */
export function applyTheme(choice: Theme): void {
  const root = document.documentElement
  root.dataset.theme = choice === 'system' ? (systemQuery().matches ? 'dark' : 'light') : choice
  root.dataset.themeChoice = choice
}

interface ThemeState {
  theme: Theme
  setTheme(theme: Theme): void
}

const ThemeContext = createContext<ThemeState>({ theme: 'system', setTheme: () => undefined })

/**
 * System, light or dark. Kept on the main side (preferences.json) like the teaching setting, so browser mode,
 * whose origin changes every launch, remembers it too. Until it arrives the system's scheme applies.
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setThemeState] = useState<Theme>('system')
  useAsk(
    (api) => api.prefs.display(),
    (result) => {
      if (result.ok) setThemeState(result.value.theme)
    }
  )
  useEffect(() => {
    applyTheme(theme)
    if (theme !== 'system') return
    const media = systemQuery()
    const follow = () => applyTheme('system')
    media.addEventListener('change', follow)
    return () => media.removeEventListener('change', follow)
  }, [theme])
  const setTheme = (next: Theme) => {
    setThemeState(next)
    void getApi().prefs.setTheme({ theme: next })
  }
  return <ThemeContext.Provider value={{ theme, setTheme }}>{children}</ThemeContext.Provider>
}

export const useTheme = () => useContext(ThemeContext)
