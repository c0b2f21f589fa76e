import { mkdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import {
  emptyProgress,
  experimentIdSchema,
  experimentProgressSchema,
  type LearnProgress,
  type LearnSaveInput
} from '@shared/learn'
import { ServiceError } from '@shared/errors'
import { readJsonFile, writeFileAtomic } from '../storage/atomic-file'
import { serialQueue } from '../storage/serial'

export const LEARN_FILE = 'learn.json'

const fileSchema = z.object({
  version: z.literal(1),
  experiments: z.record(experimentIdSchema, experimentProgressSchema),
  // added after version 1 shipped: absent means off
  teacher: z.boolean().optional()
})
type LearnFile = z.infer<typeof fileSchema>
const emptyFile = (): LearnFile => ({ version: 1, experiments: {} })

/**
 * `<dataDir>/learn.json`: the Learn view's progress, written atomically; writes are serialized so two quick
 * saves never lose one; a corrupt file is moved aside once and reported as a warning.
 */
export function createLearnStore(dataDir: string, now: () => number = Date.now) {
  const path = join(dataDir, LEARN_FILE)
  const warnings: string[] = []
  let loaded: Promise<{ file: LearnFile; writable: boolean }> | undefined
  const serialized = serialQueue()

  const state = () =>
    (loaded ??= readJsonFile(path, fileSchema).then((result): { file: LearnFile; writable: boolean } => {
      if (result.status === 'ok') return { file: result.value, writable: true }
      if (result.status === 'missing') return { file: emptyFile(), writable: true }
      warnings.push(
        result.movedTo
          ? `${LEARN_FILE} could not be used: ${result.reason}. It was moved to ${basename(result.movedTo)}; progress starts empty.`
          : `${LEARN_FILE} could not be used: ${result.reason}. It was left in place and will not be overwritten.`
      )
      return { file: emptyFile(), writable: !!result.movedTo }
    }))

  const view = (file: LearnFile): LearnProgress => ({ experiments: file.experiments, teacher: file.teacher ?? false, warnings: [...warnings] })

  /** Writes `change(file)`, one change at a time. */
  const write = (change: (file: LearnFile) => LearnFile): Promise<LearnProgress> =>
    serialized(async () => {
      const current = await state()
      if (!current.writable) throw new ServiceError('conflict', `${LEARN_FILE} is unreadable and could not be moved aside; fix or remove ${path} first`)
      const next = change(current.file)
      await mkdir(dirname(path), { recursive: true })
      await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`)
      current.file = next
      return view(next)
    })

  const save = (input: LearnSaveInput): Promise<LearnProgress> =>
    write((file) => {
      const before = input.reset ? emptyProgress(now()) : (file.experiments[input.id] ?? emptyProgress(now()))
      const { id, reset: _reset, ...patch } = input
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
      return { ...file, experiments: { ...file.experiments, [id]: { ...before, ...defined, updatedAt: now() } } }
    })

  const setTeacher = (enabled: boolean): Promise<LearnProgress> => write((file) => ({ ...file, teacher: enabled }))

  return { path, progress: async () => view((await state()).file), save, setTeacher }
}

export type LearnStore = ReturnType<typeof createLearnStore>
