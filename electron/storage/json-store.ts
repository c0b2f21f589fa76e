/**
 * The plumbing the JSON stores share: read and validate, move a damaged file aside and salvage what
 * still validates, write atomically, one write at a time. Each store keeps its own rules and wording.
 */
import { mkdir } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { z } from 'zod'
import { ServiceError } from '@shared/errors'
import { readJsonFile, writeFileAtomic } from './atomic-file'
import { serialQueue } from './serial'

type Salvage<T> = { value: T; kept: boolean; summary?: string }
export type JsonStoreLoad<T> = { value: T; writable: boolean; notice?: string } & (
  | { status: 'ok' | 'missing' }
  /** Damaged and could not be moved aside (not writable: writing would destroy it). */
  | { status: 'stuck'; reason: string }
  /** Damaged and moved to `movedTo`; the salvaged value was written back when `kept`. */
  | ({ status: 'salvaged'; reason: string; movedTo: string; writeError?: unknown } & Salvage<T>)
)

export interface JsonStoreOptions<S extends z.ZodType, T extends z.output<S>> {
  path: string
  schema: S
  /** The value of a missing file, and of a damaged one with nothing salvaged. */
  empty: () => T
  /** What a damaged file's text still yields; `kept` false: nothing worth writing back. */
  salvage?: (text: string) => Salvage<T>
  /** The file's name in the notices (`<name> could not be used: …`) and in the stuck-file error. */
  name?: string
  /** Sees the kept state once, when it is first loaded (its notice is then in `notices`). */
  onState?: (loaded: JsonStoreLoad<T>) => void
}

export const stuckFileError = (name: string, path: string): ServiceError =>
  new ServiceError('conflict', `${name} is unreadable and could not be moved aside; fix or remove ${path} first`)

const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

/** `value` as pretty JSON with a final newline, atomically, creating the folder first. */
export async function writeJsonFile(path: string, value: unknown, text = jsonText(value)): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFileAtomic(path, text)
}

export function jsonStore<S extends z.ZodType, T extends z.output<S> = z.output<S>>(options: JsonStoreOptions<S, T>) {
  const { path, schema, empty, salvage, name } = options
  const serialized = serialQueue()
  let cached: Promise<JsonStoreLoad<T>> | undefined
  const notices: string[] = []

  /** Queued behind every earlier write; the value is taken as it is now. */
  const write = (value: T, text = jsonText(value)): Promise<void> => serialized(() => writeJsonFile(path, value, text))

  /** Reads the file afresh; a damaged one is moved aside, salvaged and (when something was kept) written back. */
  const load = async (): Promise<JsonStoreLoad<T>> => {
    const result = await readJsonFile(path, schema)
    if (result.status !== 'corrupt') return { status: result.status, value: result.status === 'ok' ? (result.value as T) : empty(), writable: true }
    const failed = `${name} could not be used: ${result.reason}.`
    if (!result.movedTo) {
      return { status: 'stuck', value: empty(), writable: false, reason: result.reason, notice: name && `${failed} It was left in place and will not be overwritten.` }
    }
    const kept = salvage?.(result.text) ?? { value: empty(), kept: false }
    const notice = name && `${failed} It was moved to ${basename(result.movedTo)}; ${kept.summary}.`
    const loaded: JsonStoreLoad<T> = { status: 'salvaged', writable: true, reason: result.reason, movedTo: result.movedTo, notice, ...kept }
    if (kept.kept) await write(kept.value).catch((error: unknown) => (loaded.writeError = error))
    return loaded
  }

  /** The first load, kept for the store's life (`update` changes its value). */
  const state = (): Promise<JsonStoreLoad<T>> => (cached ??= load().then((loaded) => (loaded.notice && notices.push(loaded.notice), options.onState?.(loaded), loaded)))

  /** Writes `change(value)` one change at a time, on top of the kept state; a stuck file is never overwritten. */
  const update = (change: (value: T) => T): Promise<T> =>
    state().then(() =>
      serialized(async () => {
        const current = await state()
        if (!current.writable) throw stuckFileError(name ?? path, path)
        const next = change(current.value)
        await writeJsonFile(path, next)
        current.value = next
        return next
      })
    )

  return { path, notices, load, state, write, update }
}
