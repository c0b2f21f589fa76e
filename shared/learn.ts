import { z } from 'zod'

/**
 * The contract of the Learn view's progress (electron/services/learn-handlers): per experiment, its state,
 * the student's prediction (kept so it can be set beside what happened) and what the lab showed.
 * Stored in `<dataDir>/learn.json`, written atomically.
 */

const experimentStates = ['new', 'in-progress', 'done'] as const

export const experimentIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'an experiment id is lower-case letters, digits and dashes')

export const experimentProgressSchema = z.object({
  state: z.enum(experimentStates),
  /** The id of the answer the student predicted, before running the steps. */
  prediction: z.string().max(64).nullable(),
  /** What the completion check saw, in words (kept when the experiment is done). */
  observed: z.string().max(2000).nullable(),
  /** The choice id the lab's result matched (set beside the prediction). */
  outcome: z.string().max(64).nullable().default(null),
  /** When the student last reset the lab for this experiment (Unix ms): checks count only later queries. */
  startedAt: z.number().nullable(),
  updatedAt: z.number()
})
export type ExperimentProgress = z.infer<typeof experimentProgressSchema>

export const learnProgressSchema = z.object({
  experiments: z.record(experimentIdSchema, experimentProgressSchema),
  /** Teacher mode (presentation and worksheet tools), remembered across sessions. */
  teacher: z.boolean().default(false),
  /** Problems with learn.json, e.g. a corrupt file that was moved aside. */
  warnings: z.array(z.string().max(4000)).max(10)
})
export type LearnProgress = z.infer<typeof learnProgressSchema>

export const learnSetTeacherInputSchema = z.strictObject({ enabled: z.boolean() })

/** Any subset of one experiment's progress; `reset: true` forgets it (state new). */
export const learnSaveInputSchema = z.strictObject({
  id: experimentIdSchema,
  state: z.enum(experimentStates).optional(),
  prediction: z.string().max(64).nullable().optional(),
  observed: z.string().max(2000).nullable().optional(),
  outcome: z.string().max(64).nullable().optional(),
  startedAt: z.number().nullable().optional(),
  reset: z.literal(true).optional()
})
export type LearnSaveInput = z.input<typeof learnSaveInputSchema>

export const emptyProgress = (now: number): ExperimentProgress => ({
  state: 'new',
  prediction: null,
  observed: null,
  outcome: null,
  startedAt: null,
  updatedAt: now
})
