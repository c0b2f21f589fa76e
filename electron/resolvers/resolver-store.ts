import { basename, join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { z } from 'zod'
import { resolverTargetSchema } from '@shared/dns'
import { ServiceError } from '@shared/errors'
import { readJsonFile, writeFileAtomic } from '../storage/atomic-file'
import { salvageRecords } from '../storage/salvage'

export const RESOLVERS_FILE = 'resolvers.json'
export const MAX_CUSTOM_RESOLVERS = 200

const storedResolverSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().max(200),
  /** The text the user typed, kept so the entry can be shown and re-parsed as entered. */
  input: z.string().max(2048),
  target: resolverTargetSchema,
  addedAt: z.string().max(64)
})
export type StoredResolver = z.infer<typeof storedResolverSchema>

const fileSchema = z.object({
  version: z.literal(1),
  resolvers: z.array(storedResolverSchema).max(MAX_CUSTOM_RESOLVERS)
})

export interface LoadedResolvers {
  resolvers: StoredResolver[]
  /** Set when the file was corrupt or unreadable (it has been moved aside when `writable`). */
  warning?: string
  /** False when a corrupt file could not be moved aside: writing would destroy it. */
  writable: boolean
}

/** `<dataDir>/resolvers.json`: the user's saved resolvers, schema version 1, written atomically. */
export class ResolverStore {
  readonly path: string

  constructor(dataDir: string) {
    this.path = join(dataDir, RESOLVERS_FILE)
  }

  async load(): Promise<LoadedResolvers> {
    const result = await readJsonFile(this.path, fileSchema)
    switch (result.status) {
      case 'missing':
        return { resolvers: [], writable: true }
      case 'ok':
        return { resolvers: result.value.resolvers, writable: true }
      case 'corrupt': {
        if (!result.movedTo) {
          return {
            resolvers: [],
            writable: false,
            warning: `${RESOLVERS_FILE} could not be used: ${result.reason}. It was left in place and will not be overwritten.`
          }
        }
        const { items, dropped } = salvageRecords(result.text, 'resolvers', storedResolverSchema, (r) => r.id)
        const resolvers = items.slice(0, MAX_CUSTOM_RESOLVERS)
        const kept =
          resolvers.length > 0
            ? `${resolvers.length} saved resolver${resolvers.length === 1 ? ' was' : 's were'} recovered${dropped > 0 ? ` (${dropped} could not be)` : ''}`
            : 'no saved resolver could be recovered'
        let warning = `${RESOLVERS_FILE} could not be used: ${result.reason}. It was moved to ${basename(result.movedTo)}; ${kept}.`
        if (resolvers.length > 0) {
          try {
            await this.save(resolvers)
          } catch (error) {
            warning += ` Writing the recovered list failed (${(error as NodeJS.ErrnoException).code ?? String(error)}).`
          }
        }
        return { resolvers, writable: true, warning }
      }
    }
  }

  async save(resolvers: readonly StoredResolver[], writable = true): Promise<void> {
    if (!writable) {
      throw new ServiceError('conflict', `${RESOLVERS_FILE} is unreadable and could not be moved aside; fix or remove ${this.path} first`)
    }
    await mkdir(join(this.path, '..'), { recursive: true })
    const body: z.input<typeof fileSchema> = { version: 1, resolvers: [...resolvers] }
    await writeFileAtomic(this.path, `${JSON.stringify(body, null, 2)}\n`)
  }
}
