import { basename } from 'node:path'
import { ServiceError } from '@shared/errors'
import type { Services } from '../services'
import { linkCommand } from '../services/link-command'
import { launchRequests } from './launch-args'

/** Opens a file on the main side and hands the window what became of it (or why it could not be opened). */
export async function openPathForWindow(path: string, services: Services): Promise<void> {
  try {
    services.commands.push({ kind: 'opened-file', file: await services.openPath(path) })
  } catch (error) {
    const reason = error instanceof ServiceError ? error.message : `${basename(path)} could not be opened`
    services.commands.push({ kind: 'problem', message: reason })
  }
}

/** A link from the OS: checked like any input, then an inspection for the window, or the reason it was refused. */
export function openLinkForWindow(link: string, services: Services): void {
  services.commands.push(linkCommand(link))
}

/** What a launch (the first, or a second one handed over) asks for: links and files. */
export async function openLaunchRequests(argv: readonly string[], cwd: string, services: Services): Promise<void> {
  const { links, files } = launchRequests(argv, cwd)
  for (const link of links) openLinkForWindow(link, services)
  for (const file of files) await openPathForWindow(file, services)
}
