/** Field schemas the inspector's contract files share. */
import { z } from 'zod'
import { resolverTargetSchema } from '../dns'
import { errorCodes } from '../result'

export const nameSchema = z.string().trim().min(1, 'the name must not be empty').max(1024, 'the name is too long')
export const resolversSchema = z.array(resolverTargetSchema).min(1, 'pick at least one resolver').max(16)
export const addressListSchema = z.array(z.string().max(64)).max(1000)
export const textSchema = z.string().max(2000)
export const errorSchema = z.object({ code: z.enum(errorCodes), message: z.string().max(4000) })

export const families = ['A', 'AAAA'] as const
export type Family = (typeof families)[number]
