import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { digCommand } from '../format/dig-command'

/** Presentation the renderer cannot do itself because the formatters live on the main side. */
export function formatHandlers(_ctx: ServiceContext): HandlerGroup<'format'> {
  return {
    'format:dig': ({ request, sentName }) => digCommand(request, sentName ? { sentName } : {})
  }
}
