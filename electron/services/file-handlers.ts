import type { HandlerGroup } from '../api/handlers'
import { openFile, type OpenFileDeps } from '../files/open-file'

/** `files:open`: a file the window hands over (dropped, or picked in the browser) by name and text. */
export function fileHandlers(deps: OpenFileDeps): HandlerGroup<'files'> {
  return {
    'files:open': ({ name, text }) => openFile(name, text, deps)
  }
}
