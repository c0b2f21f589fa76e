import type { AppCommand } from '@shared/desktop'
import { parseDeepLink } from '@shared/deep-link'

/** An `alias-inspector://` link, checked like any input: an inspection for the window, or why it was refused. */
export function linkCommand(link: string): AppCommand {
  const parsed = parseDeepLink(link)
  return parsed.ok ? { kind: 'inspect', ...parsed.link } : { kind: 'problem', message: `The link was not opened: ${parsed.reason}.` }
}
