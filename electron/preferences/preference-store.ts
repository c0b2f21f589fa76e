import { mkdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import {
  MAX_RECENT_DOMAINS,
  recentDomainSchema,
  themes,
  type DisplaySettings,
  type Theme,
  type RecentDomain,
  type RecentDomains
} from '@shared/preferences'
import type { DesktopSettings } from '@shared/desktop'
import { ServiceError } from '@shared/errors'
import { readJsonFile, writeFileAtomic } from '../storage/atomic-file'
import { salvageFields, salvageRecords } from '../storage/salvage'
import { serialQueue } from '../storage/serial'

export const PREFERENCES_FILE = 'preferences.json'

const fileSchema = z.object({
  version: z.literal(1),
  recent: z.array(recentDomainSchema).max(MAX_RECENT_DOMAINS),
  // Added after version 1 shipped; absent means the default (explanations on).
  teaching: z.boolean().optional(),
  theme: z.enum(themes).optional(),
  // Desktop notifications for running watches; absent means on.
  notifications: z.boolean().optional()
})
type PreferencesFile = z.infer<typeof fileSchema>

interface Loaded {
  prefs: PreferencesFile
  /** False when a corrupt file could not be moved aside: writing would destroy it. */
  writable: boolean
}

/** Names as the user reads them: trimmed, no trailing dot; compared case-insensitively. */
const display = (name: string): string => name.trim().replace(/\.$/, '') || '.'
const key = (name: string): string => display(name).toLowerCase()

/**
 * `<dataDir>/preferences.json`, schema version 1, written atomically. Mutations are serialized so two
 * quick inspections never lose an entry; a corrupt file is moved aside once and reported as a warning.
 */
export function createPreferenceStore(dataDir: string, now: () => Date = () => new Date(), onWarning?: (message: string) => void) {
  const path = join(dataDir, PREFERENCES_FILE)
  const warnings: string[] = []
  let loaded: Promise<Loaded> | undefined

  const state = (): Promise<Loaded> =>
    (loaded ??= readJsonFile(path, fileSchema).then(async (result): Promise<Loaded> => {
      if (result.status === 'ok') return { prefs: result.value, writable: true }
      if (result.status === 'missing') return { prefs: { version: 1, recent: [] }, writable: true }
      if (!result.movedTo) {
        warnings.push(`${PREFERENCES_FILE} could not be used: ${result.reason}. It was left in place and will not be overwritten.`)
        return { prefs: { version: 1, recent: [] }, writable: false }
      }
      const recent = salvageRecords(result.text, 'recent', recentDomainSchema, (r) => key(r.apex)).items.slice(0, MAX_RECENT_DOMAINS)
      const { teaching } = salvageFields(result.text, { teaching: z.boolean() }) as { teaching?: boolean }
      const prefs: PreferencesFile = { version: 1, recent, ...(teaching !== undefined ? { teaching } : {}) }
      const kept = recent.length > 0 ? `${recent.length} recent domain${recent.length === 1 ? ' was' : 's were'} recovered` : 'recent domains start empty'
      const message = `${PREFERENCES_FILE} could not be used: ${result.reason}. It was moved to ${basename(result.movedTo)}; ${kept}.`
      warnings.push(message)
      onWarning?.(message)
      // Written back at once: what was recovered must survive even if nothing changes this session.
      if (recent.length > 0 || teaching !== undefined) await writeFileAtomic(path, `${JSON.stringify(prefs, null, 2)}\n`).catch(() => {})
      return { prefs, writable: true }
    }))

  const serialized = serialQueue()

  const view = (prefs: PreferencesFile): RecentDomains => ({ domains: prefs.recent, warnings: [...warnings] })

  /** `change(prefs)` written, one change at a time; a file that could not be moved aside is never overwritten. */
  const update = (change: (prefs: PreferencesFile) => PreferencesFile): Promise<PreferencesFile> =>
    serialized(async () => {
      const current = await state()
      if (!current.writable) {
        throw new ServiceError('conflict', `${PREFERENCES_FILE} is unreadable and could not be moved aside; fix or remove ${path} first`)
      }
      const next = change(current.prefs)
      await mkdir(dirname(path), { recursive: true })
      await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`)
      current.prefs = next
      return next
    })
  const setRecent = async (change: (recent: RecentDomain[]) => RecentDomain[]): Promise<RecentDomains> =>
    view(await update((prefs) => ({ ...prefs, recent: change(prefs.recent) })))

  const displayOf = (prefs: PreferencesFile): DisplaySettings => ({ teaching: prefs.teaching ?? true, theme: prefs.theme ?? 'system' })
  const desktopOf = (prefs: PreferencesFile): DesktopSettings => ({ notifications: prefs.notifications ?? true })
  const setDisplay = async (patch: Partial<DisplaySettings>): Promise<DisplaySettings> => displayOf(await update((prefs) => ({ ...prefs, ...patch })))
  const without = (recent: RecentDomain[], apex: string) => recent.filter((d) => key(d.apex) !== key(apex))

  return {
    path,
    recent: async (): Promise<RecentDomains> => view((await state()).prefs),
    addRecent: (apex: string, target?: string): Promise<RecentDomains> => {
      const entry: RecentDomain = { apex: display(apex), ...(target?.trim() ? { target: display(target) } : {}), at: now().toISOString() }
      return setRecent((recent) => [entry, ...without(recent, apex)].slice(0, MAX_RECENT_DOMAINS))
    },
    removeRecent: (apex: string): Promise<RecentDomains> => setRecent((recent) => without(recent, apex)),
    displaySettings: async (): Promise<DisplaySettings> => displayOf((await state()).prefs),
    setTeaching: (enabled: boolean): Promise<DisplaySettings> => setDisplay({ teaching: enabled }),
    setTheme: (theme: Theme): Promise<DisplaySettings> => setDisplay({ theme }),
    desktopSettings: async (): Promise<DesktopSettings> => desktopOf((await state()).prefs),
    setNotifications: async (enabled: boolean): Promise<DesktopSettings> => desktopOf(await update((prefs) => ({ ...prefs, notifications: enabled })))
  }
}

export type PreferenceStore = ReturnType<typeof createPreferenceStore>
