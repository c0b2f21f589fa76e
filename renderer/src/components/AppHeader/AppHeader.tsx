import type { ReactNode } from 'react'
import { themes, type Theme } from '@shared/preferences'
import { useTheme } from '../../context/ThemeContext'
import type { AppInfoState } from '../../hooks/useAppInfo'
import { SelectField } from '../SelectField/SelectField'

const themeNames: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }

export function AppHeader({ state, children }: { state: AppInfoState; children?: ReactNode }) {
  const { theme, setTheme } = useTheme()
  return (
    <header className="app-header">
      <h1 className="app-header__title">
        ALIAS Inspector
        {/* read out as "ALIAS Inspector: apex aliasing, …", not as one run-on word */}
        <span className="visually-hidden">: </span>
        <span className="app-header__subtitle">apex aliasing, flattening and staleness</span>
      </h1>
      <div className="app-header__meta">
        {children}
        <span data-testid="app-version">
          {state.status === 'ready' && (
            <>
              v{state.info.version} · {state.info.host === 'electron' ? 'desktop' : 'browser mode'}
            </>
          )}
          {state.status === 'loading' && 'connecting…'}
        </span>
        <SelectField label="Theme" value={theme} options={themes} names={themeNames} onChange={setTheme} testId="theme-select" className="app-header__theme" labelClassName="" />
      </div>
    </header>
  )
}
