import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { AppCommand, OpenedFile } from '@shared/desktop'
import type { InspectLink } from '@shared/deep-link'
import type { WatchSession } from '@shared/inspector'
import { getApi } from '../transport'
import { useNavigation } from './NavigationContext'

/** Each request carries a sequence number, so the same link or file opened twice is acted on twice. */
type Numbered<T> = T & { seq: number }

interface Commands {
  /** A link asked for this inspection (filled in and run by the Inspect view). */
  inspectRequest: Numbered<InspectLink> | null
  /** File › New inspection: the Inspect view clears its fields. */
  newInspection: number
  /** A zone file to put in the lab's editor, unsaved. */
  zoneDraft: Numbered<{ name: string; text: string }> | null
  /** A watch export that was imported: the Watch view shows it. */
  importedSession: Numbered<{ session: WatchSession }> | null
  /** Why the last file or link could not be opened. */
  problem: string | null
  dismissProblem(): void
  /** A file dropped on the window or picked in the page: handed over by name and text, never by path. */
  openFile(file: File): Promise<void>
}

const CommandsContext = createContext<Commands | null>(null)

/**
 * Takes the commands the main side queues (menu items, a second launch, a link, an opened file) and turns them
 * into what each view acts on. The same contract in both hosts: `app:takeCommands` and `files:open`.
 */
export function CommandsProvider({ children }: { children: ReactNode }) {
  const { open } = useNavigation()
  const seq = useRef(0)
  const [inspectRequest, setInspectRequest] = useState<Commands['inspectRequest']>(null)
  const [newInspection, setNewInspection] = useState(0)
  const [zoneDraft, setZoneDraft] = useState<Commands['zoneDraft']>(null)
  const [importedSession, setImportedSession] = useState<Commands['importedSession']>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const opened = useCallback(
    (file: OpenedFile) => {
      setProblem(null)
      if (file.kind === 'zone') {
        setZoneDraft({ name: file.name, text: file.text, seq: ++seq.current })
        open('lab', '[data-testid="zone-text"]')
      } else {
        setImportedSession({ session: file.session, seq: ++seq.current })
        open('watch')
      }
    },
    [open]
  )

  const run = useCallback(
    (command: AppCommand) => {
      switch (command.kind) {
        case 'new-inspection':
          setNewInspection((n) => n + 1)
          return open('inspect', '[data-testid="apex-input"]')
        case 'show-view':
          return open(command.view)
        case 'export':
          return open('watch', '[data-testid="watch-export-json"]')
        case 'inspect':
          setInspectRequest({ apex: command.apex, ...(command.target ? { target: command.target } : {}), seq: ++seq.current })
          return open('inspect')
        case 'opened-file':
          return opened(command.file)
        case 'problem':
          return setProblem(command.message)
      }
    },
    [open, opened]
  )

  // the navigation's functions change on every render; the subscription stays and calls the latest
  const latestRun = useRef(run)
  latestRun.current = run
  useEffect(() => {
    // taken commands are gone from the queue: run them even if this effect was cleaned up meanwhile (StrictMode)
    const take = async () => {
      const result = await getApi().app.takeCommands()
      if (result.ok) for (const command of result.value) latestRun.current(command)
    }
    const unsubscribe = getApi().app.onCommands(() => void take())
    void take()
    return unsubscribe
  }, [])

  const latestOpened = useRef(opened)
  latestOpened.current = opened
  const openFile = useCallback(
    async (file: File) => {
      const result = await getApi().files.open({ name: file.name, text: await file.text() })
      if (result.ok) latestOpened.current(result.value)
      else setProblem(`${file.name} was not opened: ${result.error.message}`)
    },
    []
  )

  const value = useMemo(
    () => ({ inspectRequest, newInspection, zoneDraft, importedSession, problem, dismissProblem: () => setProblem(null), openFile }),
    [inspectRequest, newInspection, zoneDraft, importedSession, problem, openFile]
  )
  return <CommandsContext.Provider value={value}>{children}</CommandsContext.Provider>
}

export function useCommands(): Commands {
  const commands = useContext(CommandsContext)
  if (!commands) throw new Error('useCommands must be used inside CommandsProvider')
  return commands
}
