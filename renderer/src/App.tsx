import { AppHeader } from './components/AppHeader/AppHeader'
import { ApiCheck } from './components/ApiCheck/ApiCheck'
import { ErrorMessage } from './components/ErrorMessage/ErrorMessage'
import { useAppInfo } from './hooks/useAppInfo'

export function App() {
  const state = useAppInfo()
  return (
    <div className="app" data-testid="app" data-app-state={state.status}>
      <AppHeader state={state} />
      <main className="app-main">
        {state.status === 'error' && <ErrorMessage error={state.error} testId="app-error" />}
        <ApiCheck />
      </main>
    </div>
  )
}
