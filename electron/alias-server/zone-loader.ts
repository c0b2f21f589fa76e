/**
 * Loads a zone off the main thread (zone-worker.ts) and hands back its compact form. The worker file is
 * the built one beside the bundle (out/main/zone-worker.js), or the TypeScript source run through tsx
 * when the app runs from source (tests, `npm run alias-server`).
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { CompactZoneData } from './compact-zone'

export interface ZoneWorkerRequest {
  /** A file to read (must be a regular file of at most maxBytes) … */
  path?: string
  /** … or the text itself. */
  text?: string
  origin?: string
  maxBytes: number
  /** Send the file's text back too (the lab's editor shows it). */
  returnText?: boolean
}

export interface ZoneProblemAt {
  line: number
  column: number
  message: string
}

/** An ALIAS or ANAME record with its line, for checks that report positions (provider profiles). */
export interface ZoneAliasRecord {
  name: string
  target: string
  line: number
}

export type ZoneWorkerReply =
  | { ok: true; data: CompactZoneData; records: number; aliases: ZoneAliasRecord[]; text?: string }
  | { ok: false; errors: ZoneProblemAt[]; fatal?: string }

function workerEntry(): { file: string; source: boolean } {
  // dirname(__filename): under tsx's ESM loader __dirname is not the source folder.
  const here = dirname(__filename)
  for (const dir of [here, join(here, '..')]) {
    const built = join(dir, 'zone-worker.js')
    if (existsSync(built)) return { file: built, source: false }
  }
  return { file: join(here, 'zone-worker.ts'), source: true }
}

export class ZoneLoadError extends Error {
  override readonly name = 'ZoneLoadError'
}

/** Parses and compacts in a worker; rejects with ZoneLoadError when the file cannot be read or the worker fails. */
export function loadZoneOffThread(request: ZoneWorkerRequest): Promise<ZoneWorkerReply> {
  const entry = workerEntry()
  return new Promise((resolve, reject) => {
    // From source, tsx's require hook compiles the worker (a loader given by --import does not reach workers on Node 20).
    const worker = entry.source
      ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry.file)})`, { eval: true, workerData: request })
      : new Worker(entry.file, { workerData: request })
    let settled = false
    worker.once('message', (reply: ZoneWorkerReply) => {
      settled = true
      if (!reply.ok && reply.fatal) reject(new ZoneLoadError(reply.fatal))
      else resolve(reply)
      void worker.terminate()
    })
    worker.once('error', (error) => {
      if (settled) return
      settled = true
      reject(new ZoneLoadError(error.message))
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new ZoneLoadError(`the zone worker stopped (exit code ${code}) before it answered`))
    })
  })
}
