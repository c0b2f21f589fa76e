import { join } from 'node:path'
import { z } from 'zod'
import { emptyProgress, experimentIdSchema, experimentProgressSchema, type LearnProgress, type LearnSaveInput } from '@shared/learn'
import { jsonStore } from '../storage/json-store'

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
  const store = jsonStore({
    path: join(dataDir, LEARN_FILE),
    schema: fileSchema,
    empty: emptyFile,
    name: LEARN_FILE,
    salvage: () => ({ value: emptyFile(), kept: false, summary: 'progress starts empty' })
  })

  const view = (file: LearnFile): LearnProgress => ({ experiments: file.experiments, teacher: file.teacher ?? false, warnings: [...store.notices] })

  /** Writes `change(file)`, one change at a time. */
  const write = async (change: (file: LearnFile) => LearnFile): Promise<LearnProgress> => view(await store.update(change))

  const save = (input: LearnSaveInput): Promise<LearnProgress> =>
    write((file) => {
      const before = input.reset ? emptyProgress(now()) : (file.experiments[input.id] ?? emptyProgress(now()))
      const { id, reset: _reset, ...patch } = input
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
      return { ...file, experiments: { ...file.experiments, [id]: { ...before, ...defined, updatedAt: now() } } }
    })

  const setTeacher = (enabled: boolean): Promise<LearnProgress> => write((file) => ({ ...file, teacher: enabled }))

  return { path: store.path, progress: async () => view((await store.state()).value), save, setTeacher }
}

