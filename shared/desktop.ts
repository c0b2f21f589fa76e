import { z } from 'zod'
import { watchSessionSchema } from './inspector'
import { LAB_ZONE_MAX_CHARS } from './lab'

/** The contract of the desktop habits: opened files, commands from the menu or a link, desktop settings. */

/**
 * Longest file the window may hand over (dropped or picked): what browser mode's WebSocket carries. The desktop's
 * File › Open… reads on the main side and takes larger watch exports (MAX_OPEN_FILE_BYTES in electron/files).
 */
const MAX_OPEN_FILE_CHARS = LAB_ZONE_MAX_CHARS

const fileNameSchema = z
  .string()
  .min(1, 'the file name must not be empty')
  .max(255, 'the file name is longer than 255 characters')
  .refine((name) => !/[/\\\0]/.test(name), 'give the file name alone, without a folder')

/** What the window hands over for a file dropped on it or picked in the browser: its name and its text, never a path. */
export const fileOpenInputSchema = z.strictObject({
  name: fileNameSchema,
  text: z.string().max(MAX_OPEN_FILE_CHARS, `the file is larger than ${MAX_OPEN_FILE_CHARS / 1024 / 1024} MiB; open it with File › Open… in the desktop app`)
})

export const openedFileSchema = z.discriminatedUnion('kind', [
  /** A zone file: its text goes into the lab's editor, unsaved until the person saves it. */
  z.object({ kind: z.literal('zone'), name: z.string().max(255), text: z.string().max(LAB_ZONE_MAX_CHARS) }),
  /** A watch export (JSON): imported as a new, finished session. */
  z.object({ kind: z.literal('watch'), name: z.string().max(255), session: watchSessionSchema })
])
export type OpenedFile = z.infer<typeof openedFileSchema>

const appViews = ['inspect', 'watch', 'lab'] as const

/** What the menu, a second launch or a link asks the window to do. The window takes them with `app:takeCommands`. */
export const appCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new-inspection') }),
  z.object({ kind: z.literal('show-view'), view: z.enum(appViews) }),
  z.object({ kind: z.literal('export') }),
  z.object({ kind: z.literal('inspect'), apex: z.string().max(253), target: z.string().max(253).optional() }),
  z.object({ kind: z.literal('opened-file'), file: openedFileSchema }),
  z.object({ kind: z.literal('problem'), message: z.string().max(4000) })
])
export type AppCommand = z.infer<typeof appCommandSchema>

export const appCommandListSchema = z.array(appCommandSchema).max(100)

/** Desktop settings kept with the preferences. */
export const desktopSettingsSchema = z.object({
  /** OS notifications when a running watch goes stale beyond its bound or a resolver starts failing. */
  notifications: z.boolean()
})
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>

export const setNotificationsInputSchema = z.strictObject({ enabled: z.boolean() })
