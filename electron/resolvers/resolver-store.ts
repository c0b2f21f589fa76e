import { join } from 'node:path'
import { z } from 'zod'
import { resolverTargetSchema } from '@shared/dns'
import { jsonStore, stuckFileError } from '../storage/json-store'
import { salvageRecords } from '../storage/salvage'

const RESOLVERS_FILE = 'resolvers.json'
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

type ResolversFile = z.output<typeof fileSchema>

const salvage = (text: string): { value: ResolversFile; kept: boolean; summary: string } => {
  const { items, dropped } = salvageRecords(text, 'resolvers', storedResolverSchema, (r) => r.id)
  const resolvers = items.slice(0, MAX_CUSTOM_RESOLVERS)
  const n = resolvers.length
  const summary = n > 0 ? `${n} saved resolver${n === 1 ? ' was' : 's were'} recovered${dropped > 0 ? ` (${dropped} could not be)` : ''}` : 'no saved resolver could be recovered'
  return { value: { version: 1, resolvers }, kept: n > 0, summary }
}

/** `<dataDir>/resolvers.json`: the user's saved resolvers, schema version 1, written atomically. */
export class ResolverStore {
  private readonly file
  readonly path: string
  constructor(dataDir: string) {
    this.file = jsonStore({ path: join(dataDir, RESOLVERS_FILE), schema: fileSchema, name: RESOLVERS_FILE, empty: (): ResolversFile => ({ version: 1, resolvers: [] }), salvage })
    this.path = this.file.path
  }

  async load(): Promise<LoadedResolvers> {
    const result = await this.file.load()
    let warning = result.notice
    if (result.status === 'salvaged' && result.writeError !== undefined) {
      warning += ` Writing the recovered list failed (${(result.writeError as NodeJS.ErrnoException).code ?? String(result.writeError)}).`
    }
    return { resolvers: result.value.resolvers, writable: result.writable, ...(warning ? { warning } : {}) }
  }

  async save(resolvers: readonly StoredResolver[], writable = true): Promise<void> {
    if (!writable) throw stuckFileError(RESOLVERS_FILE, this.path)
    await this.file.write({ version: 1, resolvers: [...resolvers] })
  }
}
