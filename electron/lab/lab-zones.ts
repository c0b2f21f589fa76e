/**
 * The lab's zone files under `<dataDir>/zones/<origin>.zone`: which one is current, loading it (or
 * the demo zone when nothing is saved), checking text, and saving atomically.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ZoneDialect } from '@shared/alias-server'
import type { ZoneProblem } from '@shared/lab'
import { ServiceError } from '@shared/errors'
import { parseDialectZone, zoneProblems } from '../alias-server/dialect-zone'
import { CompiledZone } from '../alias-server/zone-set'
import { MAX_ZONE_FILE_BYTES, saveZoneFile, type Zone } from '../zone'
import { FileRefusedError, readRegularFile } from '../storage/bounded-read'
import { DEMO_ZONE_TEXT } from './demo-zone'
import type { CompactZoneData } from '../alias-server/compact-zone'
import { loadZoneOffThread } from '../alias-server/zone-loader'

export interface CurrentZone extends CheckedZone {
  origin: string
  text: string
  demo: boolean
  path: string
  dialect: ZoneDialect
}

export interface CheckedZone {
  /** The parsed zone, when it was parsed on this thread (small zones). */
  zone?: Zone
  /** The compact form the server takes; set exactly when there are no errors. */
  data?: CompactZoneData
  records: number
  errors: ZoneProblem[]
}

/** Zones up to this size are checked inline; bigger ones in a worker, so nothing stalls while they parse. */
const INLINE_CHECK_MAX_CHARS = 256 * 1024

const MAX_LISTED_ERRORS = 10

// File systems allow 255 octets per name, and the atomic save's temporary file adds about 30 to it.
const MAX_FILE_STEM = 180

/**
 * A file name for an origin: lower-case, no trailing dot, anything but [a-z0-9._-] percent-encoded. A stem
 * longer than MAX_FILE_STEM (long names, escaped octets) is cut and ends in `~` and a hash of the whole, so
 * it stays distinct; `~` never occurs in an uncut stem.
 */
export function zoneFileName(origin: string): string {
  const bare = origin.toLowerCase().replace(/\.$/, '') || 'root'
  const safe = bare.replace(/[^a-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  // a leading dot would hide the file; '..' cannot occur in a name (empty labels are impossible)
  const stem = safe.startsWith('.') ? `%2e${safe.slice(1)}` : safe
  if (stem.length <= MAX_FILE_STEM) return `${stem}.zone`
  const hash = createHash('sha256').update(stem).digest('hex').slice(0, 16)
  return `${stem.slice(0, MAX_FILE_STEM - hash.length - 1)}~${hash}.zone`
}

/**
 * Reads and checks zone text in a dialect as the lab will serve it (the server's own compile step
 * included); errors are located, and say which dialect would read a refused line.
 */
export function checkZone(text: string, dialect: ZoneDialect = 'bind'): CheckedZone {
  const parsed = parseDialectZone(text, dialect)
  if (parsed.errors.length > 0 || !parsed.zone) return { records: 0, errors: zoneProblems(parsed.errors) }
  try {
    const compiled = new CompiledZone(parsed.zone)
    return { zone: parsed.zone, data: compiled.data, records: parsed.zone.records.length, errors: [] }
  } catch (error) {
    return { records: 0, errors: [{ line: 1, column: 1, message: error instanceof Error ? error.message : String(error) }] }
  }
}

/** checkZone, in a worker for big zones. */
export async function checkZoneOffThread(text: string, dialect: ZoneDialect = 'bind'): Promise<CheckedZone> {
  if (text.length <= INLINE_CHECK_MAX_CHARS) return checkZone(text, dialect)
  const reply = await loadZoneOffThread({ text, maxBytes: MAX_ZONE_FILE_BYTES, dialect })
  return reply.ok ? { data: reply.data, records: reply.records, errors: [] } : { records: 0, errors: reply.errors }
}

/** The refusal for a zone with errors: every listed error with its line and column. */
export function zoneErrorsMessage(errors: ZoneProblem[]): string {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map((e) => `line ${e.line}, column ${e.column}: ${e.message}`.slice(0, 300))
  const more = errors.length > MAX_LISTED_ERRORS ? `; and ${errors.length - MAX_LISTED_ERRORS} more` : ''
  const count = errors.length === 1 ? 'an error' : `${errors.length} errors`
  return `The zone has ${count} and was not saved: ${listed.join('; ')}${more}`
}

export class LabZones {
  readonly dir: string
  private last: CurrentZone | undefined

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'zones')
  }

  pathFor(origin: string): string {
    return join(this.dir, zoneFileName(origin))
  }

  /**
   * The current zone: `origin`'s file, else the first saved zone, else the demo zone. Parsed once per
   * text: the status, the editor and a start all reuse the last result while the file is unchanged.
   */
  async current(origin: string | null, dialect: ZoneDialect = 'bind'): Promise<CurrentZone> {
    const candidates = origin ? [this.pathFor(origin)] : []
    candidates.push(...(await this.savedFiles()))
    for (const path of candidates) {
      const text = await readZoneText(path)
      if (text === undefined) continue
      if (this.last?.path === path && this.last.text === text && this.last.dialect === dialect) return this.last
      const checked = await checkZoneOffThread(text, dialect)
      const found = checked.data?.origin ?? origin ?? originFromText(text) ?? ''
      return (this.last = { origin: found, text, demo: false, path, dialect, ...checked })
    }
    if (this.last?.demo && this.last.dialect === 'bind') return this.last
    const checked = checkZone(DEMO_ZONE_TEXT)
    if (!checked.zone) throw new Error(`the bundled demo zone does not parse: ${zoneErrorsMessage(checked.errors)}`)
    return (this.last = { origin: checked.zone.origin, text: DEMO_ZONE_TEXT, demo: true, path: this.pathFor(checked.zone.origin), dialect: 'bind', ...checked })
  }

  /** Tells the cache what was just saved and checked, so the next look does not parse it again. */
  remember(path: string, text: string, checked: CheckedZone & { data: CompactZoneData }, dialect: ZoneDialect = 'bind'): void {
    this.last = { origin: checked.data.origin, text, demo: false, path, dialect, ...checked }
  }

  async save(zone: { origin: string }, text: string): Promise<string> {
    await mkdir(this.dir, { recursive: true })
    const path = this.pathFor(zone.origin)
    await saveZoneFile(path, text)
    return path
  }

  private async savedFiles(): Promise<string[]> {
    try {
      const names = await readdir(this.dir)
      return names.filter((n) => n.endsWith('.zone') && !n.startsWith('.')).sort().map((n) => join(this.dir, n))
    } catch {
      return []
    }
  }
}

async function readZoneText(path: string): Promise<string | undefined> {
  try {
    return await readRegularFile(path, MAX_ZONE_FILE_BYTES)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    if (error instanceof FileRefusedError) throw new ServiceError('bad-input', error.message)
    throw error
  }
}

/** `$ORIGIN` of text that does not parse, for the editor's title. */
function originFromText(text: string): string | undefined {
  const match = /^\$ORIGIN\s+(\S+)/im.exec(text)
  return match ? match[1]!.toLowerCase() : undefined
}
