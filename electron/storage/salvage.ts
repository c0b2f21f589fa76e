/**
 * Recovers what is still good in a damaged JSON store: every complete record of an array that
 * parses and validates on its own, even when the file was cut short or one record is wrong.
 */
import type { z } from 'zod'

/** The text of each complete `{…}` element of the array under `"key"`, in order; a cut-off last one is left out. */
function arrayElements(text: string, key: string): string[] {
  const at = new RegExp(`"${key}"\\s*:\\s*\\[`).exec(text)
  if (!at) return []
  const out: string[] = []
  let depth = 0
  let start = -1
  let inString = false
  for (let i = at.index + at[0].length; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    else if (c === '{') {
      if (depth++ === 0) start = i
    } else if (c === '}') {
      if (--depth === 0) out.push(text.slice(start, i + 1))
      if (depth < 0) break
    } else if (c === ']' && depth === 0) break
  }
  return out
}

export interface Salvaged<T> {
  items: T[]
  /** Complete-looking elements that did not parse or validate. */
  dropped: number
}

/** Parses and validates each element of `"key"` separately; duplicates by `idOf` keep the first. */
export function salvageRecords<S extends z.ZodType>(text: string, key: string, schema: S, idOf?: (item: z.output<S>) => string): Salvaged<z.output<S>> {
  const items: z.output<S>[] = []
  const seen = new Set<string>()
  let dropped = 0
  for (const element of arrayElements(text, key)) {
    let json: unknown
    try {
      json = JSON.parse(element)
    } catch {
      dropped++
      continue
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      dropped++
      continue
    }
    const id = idOf?.(parsed.data)
    if (id !== undefined && seen.has(id)) continue
    if (id !== undefined) seen.add(id)
    items.push(parsed.data)
  }
  return { items, dropped }
}

/** For one-object stores: each top-level field that still validates on its own (the rest take defaults). */
export function salvageFields(text: string, shape: Record<string, z.ZodType>): Record<string, unknown> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return {}
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {}
  const out: Record<string, unknown> = {}
  for (const [field, schema] of Object.entries(shape)) {
    if (!(field in json)) continue
    const parsed = schema.safeParse((json as Record<string, unknown>)[field])
    if (parsed.success) out[field] = parsed.data
  }
  return out
}
