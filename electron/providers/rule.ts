import type { RuleSource } from '@shared/providers'

/** One profile rule: its value, in words, with its source (null: an assumption) and whether the source was checked. */
export const rule = <T>(value: T, text: string, source: RuleSource | null, checked: boolean) => ({ value, text, source, checked })

/** A rule nobody documents: our assumption, said so everywhere it shows. */
export const assumed = <T>(value: T, text: string) => rule(value, text, null, false)
