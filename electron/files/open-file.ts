import { LAB_ZONE_MAX_CHARS } from '@shared/lab'
import type { OpenedFile } from '@shared/desktop'
import type { WatchSession } from '@shared/inspector'
import { ServiceError } from '@shared/errors'

export interface OpenFileDeps {
  /** Imports a watch export (JSON text) as a new session. */
  importWatch(text: string, name: string): WatchSession
}

const CSV_HEADER = 'session_id,seq,resolver_index,'

/**
 * Decides what an opened file is and what becomes of it: a watch export (JSON) is imported as a session, anything
 * else that reads as text is a zone file for the lab's editor, which checks it when the person saves it.
 */
export function openFile(name: string, text: string, deps: OpenFileDeps): OpenedFile {
  const body = text.replace(/^\uFEFF/, '')
  if (body.includes('\0')) throw new ServiceError('bad-input', `${name} is not a text file (it contains NUL bytes)`)
  if (body.startsWith(CSV_HEADER)) {
    throw new ServiceError('bad-input', `${name} is a CSV watch export, which is for spreadsheets; open the JSON export to see the session here`)
  }
  if (/^\s*\{/.test(body)) return { kind: 'watch', name, session: deps.importWatch(body, name) }
  if (body.length > LAB_ZONE_MAX_CHARS) {
    throw new ServiceError('bad-input', `${name} is larger than the lab's zone limit (${LAB_ZONE_MAX_CHARS / 1024 / 1024} MiB)`)
  }
  if (!/^\s*[$;@A-Za-z0-9*_.\\(-]/.test(body) && body.trim() !== '') {
    throw new ServiceError('bad-input', `${name} does not look like a zone file or a watch export`)
  }
  return { kind: 'zone', name, text: body }
}
