import type { ReactNode } from 'react'
import type { AppInfoState } from '../../hooks/useAppInfo'

export function AppHeader({ state, children }: { state: AppInfoState; children?: ReactNode }) {
  return (
    <header className="app-header">
      <h1 className="app-header__title">
        ALIAS Inspector
        <span className="app-header__subtitle">apex aliasing, flattening and staleness</span>
      </h1>
      <div className="app-header__end">
        {children}
        <div className="app-header__meta" data-testid="app-version">
          {state.status === 'ready' && (
            <>
              v{state.info.version} · {state.info.host === 'electron' ? 'desktop' : 'browser mode'}
            </>
          )}
          {state.status === 'loading' && 'connecting…'}
        </div>
      </div>
    </header>
  )
}
