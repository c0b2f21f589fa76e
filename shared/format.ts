import { z } from 'zod'
import { dnsQueryRequestSchema } from './dns'

/** Presentation helpers that live on the main side (electron/format) and the renderer asks for. */

export const digCommandInputSchema = z.strictObject({
  /** The query exactly as it was (or would be) sent through `dns:query`. */
  request: dnsQueryRequestSchema,
  /** The name as sent (its 0x20 case included), from the result's `question.name`. */
  sentName: z.string().max(1100).optional()
})
