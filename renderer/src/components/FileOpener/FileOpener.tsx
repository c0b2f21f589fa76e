import { useEffect, useRef, useState } from 'react'
import { useCommands } from '../../context/CommandsContext'
import styles from './FileOpener.module.css'

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files')

/**
 * Opening files in the page: "Open file…", Ctrl/Cmd+O in browser mode (the desktop menu has its own), and a file
 * dropped anywhere on the window. The file goes to the main side by name and text only.
 */
export function FileOpener({ browserHost }: { browserHost: boolean }) {
  const { openFile } = useCommands()
  const input = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)

  useEffect(() => {
    // a drop zone inside a view (the Convert view's) takes its own drops: it has handled the event already
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return
      if (event.defaultPrevented) return setDragging(false)
      // without this the browser (or Electron) would navigate to the dropped file
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
      setDragging(true)
    }
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false)
    }
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return
      if (event.defaultPrevented) return setDragging(false)
      event.preventDefault()
      setDragging(false)
      const file = event.dataTransfer?.files[0]
      if (file) void openFile(file)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [openFile])

  useEffect(() => {
    if (!browserHost) return
    const key = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'o') {
        event.preventDefault()
        input.current?.click()
      }
    }
    window.addEventListener('keydown', key)
    return () => window.removeEventListener('keydown', key)
  }, [browserHost])

  return (
    <>
      <div className={styles.opener}>
        <button type="button" className="button--quiet" onClick={() => input.current?.click()} data-testid="open-file">
          Open file…
        </button>
        <input
          ref={input}
          type="file"
          accept=".zone,.txt,.json,text/dns,application/json"
          hidden
          data-testid="open-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void openFile(file)
          }}
        />
      </div>
      {dragging && (
        <div className={styles.dropOverlay} data-testid="drop-overlay" aria-hidden="true">
          Drop a zone file or a watch export (JSON) to open it
        </div>
      )}
    </>
  )
}

/** Why the last file or link could not be opened, until dismissed. */
export function OpenProblem() {
  const { problem, dismissProblem } = useCommands()
  if (!problem) return null
  return (
    <div className={`error-message ${styles.problem}`} role="alert" data-testid="open-problem">
      <span className="error-message__text">{problem}</span>
      <button type="button" className="button--quiet" onClick={dismissProblem}>
        Dismiss
      </button>
    </div>
  )
}
