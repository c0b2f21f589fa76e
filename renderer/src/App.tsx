import { AppHeader } from './components/AppHeader/AppHeader'
import { ErrorMessage } from './components/ErrorMessage/ErrorMessage'
import { TabBar, type Tab } from './components/TabBar/TabBar'
import { NavigationProvider, useNavigation, type ViewId } from './context/NavigationContext'
import { TeachingProvider } from './context/TeachingContext'
import { useAppInfo } from './hooks/useAppInfo'
import { AboutView } from './views/AboutView/AboutView'
import { InspectView } from './views/InspectView/InspectView'
import { LabView } from './views/LabView/LabView'
import { WatchView } from './views/WatchView/WatchView'

const tabs: readonly Tab<ViewId>[] = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'watch', label: 'Watch & staleness' },
  { id: 'lab', label: 'Local ALIAS lab' },
  { id: 'about', label: 'About' }
]

function Views() {
  const { view, open } = useNavigation()
  const state = useAppInfo()
  return (
    <div className="app" data-testid="app" data-app-state={state.status}>
      <AppHeader state={state} />
      <TabBar tabs={tabs} active={view} onChange={open} />
      <main className="app-main" id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
        {state.status === 'error' && <ErrorMessage error={state.error} testId="app-error" />}
        {view === 'inspect' && <InspectView />}
        {view === 'watch' && <WatchView />}
        {view === 'lab' && <LabView />}
        {view === 'about' && <AboutView info={state.status === 'ready' ? state.info : null} />}
      </main>
    </div>
  )
}

export function App() {
  return (
    <TeachingProvider>
      <NavigationProvider>
        <Views />
      </NavigationProvider>
    </TeachingProvider>
  )
}
