/** The converter's format ids: a contract (CLI flags, the UI, the lab's dialects share the first ones). */

import { formatIds, readableFormatIds } from '@shared/convert'

export const FORMAT_IDS = formatIds
export type FormatId = (typeof FORMAT_IDS)[number]

export const READABLE_FORMATS: readonly FormatId[] = readableFormatIds

export const isFormatId = (s: string): s is FormatId => (FORMAT_IDS as readonly string[]).includes(s)
