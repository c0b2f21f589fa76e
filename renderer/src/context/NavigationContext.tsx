import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'

export type ViewId = 'inspect' | 'watch' | 'lab' | 'about' | 'convert' | 'learn'

/** A request one view makes of another, e.g. the lab's "watch this apex". */
export interface WatchRequest {
  apex: string
  target: string
  resolverIds?: string[]
}

interface Navigation {
  view: ViewId
  /**
   * Shows a view. `focus` (a CSS selector inside it) moves the keyboard focus there once it is shown; a
   * button that switches views would otherwise leave the focus on an element that just got hidden.
   */
  open(view: ViewId, focus?: string): void
  watchRequest: WatchRequest | null
  requestWatch(request: WatchRequest): void
  /** Grows each time another view replaces the lab's zone (Convert's "open in the lab"), so the lab reloads it. */
  labZoneVersion: number
  labZoneReplaced(): void
  /** Grows each time another view changes the lab's server, settings or target (the Learn view's steps), so the lab reloads its status. */
  labStateVersion: number
  labStateChanged(): void
}

/** How long a focus request waits for a view that is still loading. */
const FOCUS_WAIT_MS = 5000

const NavigationContext = createContext<Navigation | null>(null)

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<ViewId>('inspect')
  const [watchRequest, setWatchRequest] = useState<WatchRequest | null>(null)
  const [pendingFocus, setPendingFocus] = useState<{ selector: string } | null>(null)
  const [labZoneVersion, setLabZoneVersion] = useState(0)
  const labZoneReplaced = () => setLabZoneVersion((v) => v + 1)
  const [labStateVersion, setLabStateVersion] = useState(0)
  const labStateChanged = () => setLabStateVersion((v) => v + 1)

  // after the view is shown (this effect runs once the hidden attribute is gone); a view opened for the first
  // time is still loading, so wait (briefly) for the element to appear
  useEffect(() => {
    if (!pendingFocus) return
    const tryFocus = (): boolean => {
      const element = document.querySelector<HTMLElement>(pendingFocus.selector)
      element?.focus()
      return !!element
    }
    if (tryFocus()) return
    const observer = new MutationObserver(() => {
      if (tryFocus()) observer.disconnect()
    })
    observer.observe(document.body, { childList: true, subtree: true })
    const timer = setTimeout(() => observer.disconnect(), FOCUS_WAIT_MS)
    return () => {
      observer.disconnect()
      clearTimeout(timer)
    }
  }, [pendingFocus])

  const open = (next: ViewId, focus?: string) => {
    setView(next)
    if (focus) setPendingFocus({ selector: `#panel-${next} ${focus}` })
  }
  const requestWatch = (request: WatchRequest) => {
    setWatchRequest(request)
    setView('watch')
    // the session appears a moment later; its tab is there now and says where the person is
    setPendingFocus({ selector: '#tab-watch' })
  }
  return (
    <NavigationContext.Provider value={{ view, open, watchRequest, requestWatch, labZoneVersion, labZoneReplaced, labStateVersion, labStateChanged }}>{children}</NavigationContext.Provider>
  )
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext)
  if (!navigation) throw new Error('useNavigation must be used inside NavigationProvider')
  return navigation
}
