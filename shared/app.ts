import { z } from 'zod'

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  platform: z.string(),
  versions: z.record(z.string(), z.string())
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const echoInputSchema = z.strictObject({
  text: z.string().min(1, 'text must not be empty').max(200, 'text must be at most 200 characters')
})
