/** The watch channels' inputs and outputs. */
import { z } from 'zod'
import { ttlRuleSchema } from '../providers'
import { stalenessAnalysisSchema } from './staleness'
import { watchSampleSchema, watchSessionSchema } from './watch'

const sessionIdSchema = z.string().trim().min(1).max(100)

export const watchIdInputSchema = z.strictObject({ id: sessionIdSchema })
export const watchGetInputSchema = z.strictObject({
  id: sessionIdSchema,
  /** The ALIAS server's TTL rule, for the theoretical bound. Absent: the lab's when it serves the apex, else 'min'. */
  policy: ttlRuleSchema.optional()
})
export const watchExportInputSchema = z.strictObject({
  id: sessionIdSchema,
  format: z.enum(['json', 'csv']),
  policy: ttlRuleSchema.optional()
})
export const watchListSchema = z.array(watchSessionSchema).max(10_000)
export const watchDetailSchema = z.object({
  session: watchSessionSchema,
  samples: z.array(watchSampleSchema).max(1_000_000),
  analysis: stalenessAnalysisSchema
})
export type WatchDetail = z.infer<typeof watchDetailSchema>
export const watchStateEventSchema = z.object({ session: watchSessionSchema })
