import { join } from 'node:path'
import { z } from 'zod'
import { MAX_RECENT_DOMAINS, recentDomainSchema, themes, type DisplaySettings, type Theme, type RecentDomain, type RecentDomains } from '@shared/preferences'
import type { DesktopSettings } from '@shared/desktop'
import { jsonStore } from '../storage/json-store'
import { salvageFields, salvageRecords } from '../storage/salvage'

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

/** Names as the user reads them: trimmed, no trailing dot; compared case-insensitively. */
const display = (name: string): string => name.trim().replace(/\.$/, '') || '.'
const key = (name: string): string => display(name).toLowerCase()

/**
 * `<dataDir>/preferences.json`, schema version 1, written atomically. Mutations are serialized so two
 * quick inspections never lose an entry; a corrupt file is moved aside once and reported as a warning.
 */
export function createPreferenceStore(dataDir: string, now: () => Date = () => new Date(), onWarning?: (message: string) => void) {
  const store = jsonStore({
    path: join(dataDir, PREFERENCES_FILE),
    schema: fileSchema,
    empty: (): PreferencesFile => ({ version: 1, recent: [] }),
    name: PREFERENCES_FILE,
    salvage: (text): { value: PreferencesFile; kept: boolean; summary: string } => {
      const recent = salvageRecords(text, 'recent', recentDomainSchema, (r) => key(r.apex)).items.slice(0, MAX_RECENT_DOMAINS)
      const { teaching } = salvageFields(text, { teaching: z.boolean() }) as { teaching?: boolean }
      const n = recent.length
      const summary = n > 0 ? `${n} recent domain${n === 1 ? ' was' : 's were'} recovered` : 'recent domains start empty'
      // Written back at once: what was recovered must survive even if nothing changes this session.
      return { value: { version: 1, recent, ...(teaching !== undefined ? { teaching } : {}) }, kept: n > 0 || teaching !== undefined, summary }
    },
    onState: ({ status, notice }) => status === 'salvaged' && notice && onWarning?.(notice)
  })
  const prefs = async (): Promise<PreferencesFile> => (await store.state()).value

  const view = (prefs: PreferencesFile): RecentDomains => ({ domains: prefs.recent, warnings: [...store.notices] })

  const setRecent = async (change: (recent: RecentDomain[]) => RecentDomain[]): Promise<RecentDomains> =>
    view(await store.update((prefs) => ({ ...prefs, recent: change(prefs.recent) })))

  const displayOf = (prefs: PreferencesFile): DisplaySettings => ({ teaching: prefs.teaching ?? true, theme: prefs.theme ?? 'system' })
  const desktopOf = (prefs: PreferencesFile): DesktopSettings => ({ notifications: prefs.notifications ?? true })
  const setDisplay = async (patch: Partial<DisplaySettings>): Promise<DisplaySettings> => displayOf(await store.update((prefs) => ({ ...prefs, ...patch })))
  const without = (recent: RecentDomain[], apex: string) => recent.filter((d) => key(d.apex) !== key(apex))

  return {
    path: store.path,
    recent: async (): Promise<RecentDomains> => view(await prefs()),
    addRecent: (apex: string, target?: string): Promise<RecentDomains> => {
      const entry: RecentDomain = { apex: display(apex), ...(target?.trim() ? { target: display(target) } : {}), at: now().toISOString() }
      return setRecent((recent) => [entry, ...without(recent, apex)].slice(0, MAX_RECENT_DOMAINS))
    },
    removeRecent: (apex: string): Promise<RecentDomains> => setRecent((recent) => without(recent, apex)),
    displaySettings: async (): Promise<DisplaySettings> => displayOf(await prefs()),
    setTeaching: (enabled: boolean): Promise<DisplaySettings> => setDisplay({ teaching: enabled }),
    setTheme: (theme: Theme): Promise<DisplaySettings> => setDisplay({ theme }),
    desktopSettings: async (): Promise<DesktopSettings> => desktopOf(await prefs()),
    setNotifications: async (enabled: boolean): Promise<DesktopSettings> => desktopOf(await store.update((prefs) => ({ ...prefs, notifications: enabled })))
  }
}

export type PreferenceStore = ReturnType<typeof createPreferenceStore>
