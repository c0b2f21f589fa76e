import { AppHeader } from './components/AppHeader/AppHeader'
import { ErrorMessage } from './components/ErrorMessage/ErrorMessage'
import { TabBar, type Tab } from './components/TabBar/TabBar'
import { NavigationProvider, useNavigation, type ViewId } from './context/NavigationContext'
import { TeachingProvider } from './context/TeachingContext'
import { useAppInfo } from './hooks/useAppInfo'
import { AboutView } from './views/AboutView/AboutView'
import { ConvertView } from './views/ConvertView/ConvertView'
import { InspectView } from './views/InspectView/InspectView'
import { LabView } from './views/LabView/LabView'
import { WatchView } from './views/WatchView/WatchView'

const tabs: readonly Tab<ViewId>[] = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'watch', label: 'Watch & staleness' },
  { id: 'lab', label: 'Local ALIAS lab' },
  { id: 'convert', label: 'Convert' },
  { id: 'about', label: 'About' }
]

function Views() {
  const { view, open } = useNavigation()
  const state = useAppInfo()
  return (
    <div className="app" data-testid="app" data-app-state={state.status}>
      <AppHeader state={state} />
      <TabBar tabs={tabs} active={view} onChange={open} />
      {state.status === 'error' && (
        <div className="app-main">
          <ErrorMessage error={state.error} testId="app-error" />
        </div>
      )}
      {/* Every view stays mounted so switching tabs never loses a result, a watch or the lab's log. */}
      {tabs.map((tab) => (
        <main
          key={tab.id}
          className="app-main"
          id={`panel-${tab.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${tab.id}`}
          hidden={view !== tab.id}
        >
          {tab.id === 'inspect' && <InspectView />}
          {tab.id === 'watch' && <WatchView />}
          {tab.id === 'lab' && <LabView />}
          {tab.id === 'convert' && <ConvertView />}
          {tab.id === 'about' && <AboutView info={state.status === 'ready' ? state.info : null} />}
        </main>
      ))}
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
