import { join } from 'node:path'
import { z } from 'zod'
import { readJsonFile, serialQueue, writeJsonFile } from '../storage'

const WINDOW_STATE_FILE = 'window-state.json'

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000)
})
export type Rect = z.infer<typeof rectSchema>

const stateSchema = z.object({ version: z.literal(1), bounds: rectSchema, maximized: z.boolean() })
export type WindowState = Omit<z.infer<typeof stateSchema>, 'version'>

export interface Placement {
  bounds: { width: number; height: number; x?: number; y?: number }
  maximized: boolean
}

/** Part of the window that must lie on some display for the saved position to be used. */
const MIN_VISIBLE = { width: 160, height: 80 }

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

/**
 * Where the window opens: where it was, unless no display shows enough of it any more (a monitor was unplugged),
 * then centred at its saved size, never below the minimum size.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[], defaults: Placement['bounds'], minimum: { width: number; height: number }): Placement {
  if (!saved) return { bounds: defaults, maximized: false }
  const width = Math.max(saved.bounds.width, minimum.width)
  const height = Math.max(saved.bounds.height, minimum.height)
  const visible = workAreas.some((area) => {
    const o = overlap({ ...saved.bounds, width, height }, area)
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height
  })
  return { bounds: visible ? { x: saved.bounds.x, y: saved.bounds.y, width, height } : { width, height }, maximized: saved.maximized }
}

export async function loadWindowState(dir: string): Promise<WindowState | undefined> {
  const result = await readJsonFile(join(dir, WINDOW_STATE_FILE), stateSchema)
  return result.status === 'ok' ? { bounds: result.value.bounds, maximized: result.value.maximized } : undefined
}

/** Written atomically; saves are chained so an older one never lands after a newer one. */
export function windowStateSaver(dir: string): (state: WindowState) => Promise<void> {
  const serialized = serialQueue()
  return (state) => {
    const rounded = {
      version: 1 as const,
      bounds: {
        x: Math.round(state.bounds.x),
        y: Math.round(state.bounds.y),
        width: Math.round(state.bounds.width),
        height: Math.round(state.bounds.height)
      },
      maximized: state.maximized
    }
    return serialized(() => writeJsonFile(join(dir, WINDOW_STATE_FILE), rounded)).catch(() => undefined)
  }
}
