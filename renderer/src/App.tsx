import { lazy, Suspense, useState, type ComponentType } from 'react'
import { AppHeader } from './components/AppHeader/AppHeader'
import { ErrorMessage } from './components/ErrorMessage/ErrorMessage'
import { FileOpener, OpenProblem } from './components/FileOpener/FileOpener'
import { CommandsProvider } from './context/CommandsContext'
import { TabBar, type Tab } from './components/TabBar/TabBar'
import { NavigationProvider, useNavigation, type ViewId } from './context/NavigationContext'
import { TeachingProvider } from './context/TeachingContext'
import { ThemeProvider } from './context/ThemeContext'
import { useAppInfo } from './hooks/useAppInfo'
import { InspectView } from './views/InspectView/InspectView'

// Only the first view is in the first load; the others (and the chart library the watch view pulls in) load
// when first opened.
const named = <K extends string, P>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })))
const WatchView = named(() => import('./views/WatchView/WatchView'), 'WatchView')
const LabView = named(() => import('./views/LabView/LabView'), 'LabView')
const ConvertView = named(() => import('./views/ConvertView/ConvertView'), 'ConvertView')
const LearnView = named(() => import('./views/LearnView/LearnView'), 'LearnView')
const AboutView = named(() => import('./views/AboutView/AboutView'), 'AboutView')

const tabs: readonly Tab<ViewId>[] = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'watch', label: 'Watch & staleness' },
  { id: 'lab', label: 'Local ALIAS lab' },
  { id: 'convert', label: 'Convert' },
  { id: 'learn', label: 'Learn' },
  { id: 'about', label: 'About' }
]

function Views() {
  const { view, open } = useNavigation()
  const state = useAppInfo()
  // a view is mounted the first time it is shown and stays mounted
  const [opened, setOpened] = useState<ReadonlySet<ViewId>>(() => new Set([view]))
  if (!opened.has(view)) setOpened(new Set([...opened, view]))
  return (
    <div className="app" data-testid="app" data-app-state={state.status}>
      <AppHeader state={state}>
        <FileOpener browserHost={state.status === 'ready' && state.info.host === 'browser'} />
      </AppHeader>
      <TabBar tabs={tabs} active={view} onChange={open} />
      <OpenProblem />
      {state.status === 'error' && (
        <div className="app-main">
          <ErrorMessage error={state.error} testId="app-error" />
        </div>
      )}
      {/* Every view stays mounted once opened, so switching tabs never loses a result, a watch or the lab's log. */}
      {tabs.map((tab) => (
        <main
          key={tab.id}
          className="app-main"
          id={`panel-${tab.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${tab.id}`}
          hidden={view !== tab.id}
        >
          {opened.has(tab.id) && (
            <Suspense fallback={<p className="muted" data-testid="view-loading">Loading…</p>}>
              {tab.id === 'inspect' && <InspectView />}
              {tab.id === 'watch' && <WatchView />}
              {tab.id === 'lab' && <LabView />}
              {tab.id === 'convert' && <ConvertView />}
              {tab.id === 'learn' && <LearnView />}
              {tab.id === 'about' && <AboutView info={state.status === 'ready' ? state.info : null} />}
            </Suspense>
          )}
        </main>
      ))}
    </div>
  )
}

export function App() {
  return (
    <ThemeProvider>
      <TeachingProvider>
        <NavigationProvider>
          <CommandsProvider>
            <Views />
          </CommandsProvider>
        </NavigationProvider>
      </TeachingProvider>
    </ThemeProvider>
  )
}
