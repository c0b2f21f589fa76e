import { createContext, useContext, useState, type ReactNode } from 'react'

export type ViewId = 'inspect' | 'watch' | 'lab' | 'about'

/** A request one view makes of another, e.g. the lab's "watch this apex". */
export interface WatchRequest {
  apex: string
  target: string
  resolverIds?: string[]
}

interface Navigation {
  view: ViewId
  open(view: ViewId): void
  watchRequest: WatchRequest | null
  requestWatch(request: WatchRequest): void
}

const NavigationContext = createContext<Navigation | null>(null)

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [view, open] = useState<ViewId>('inspect')
  const [watchRequest, setWatchRequest] = useState<WatchRequest | null>(null)
  const requestWatch = (request: WatchRequest) => {
    setWatchRequest(request)
    open('watch')
  }
  return (
    <NavigationContext.Provider value={{ view, open, watchRequest, requestWatch }}>{children}</NavigationContext.Provider>
  )
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext)
  if (!navigation) throw new Error('useNavigation must be used inside NavigationProvider')
  return navigation
}
