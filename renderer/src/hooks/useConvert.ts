import type { ConvertReportResult, ConvertRunResult, formatIds, readableFormatIds } from '@shared/convert'
import type { Result } from '@shared/result'
import { getApi } from '../transport'

export type ReadableFormat = (typeof readableFormatIds)[number]
export type TargetFormat = (typeof formatIds)[number]

export interface ConvertInput {
  text: string
  from: ReadableFormat
  origin?: string | undefined
}

export interface ConvertActions {
  detect(text: string): Promise<Result<{ format: ReadableFormat; because: string }>>
  /** The conversion and the lock-in report for the same input, asked together. */
  convert(input: ConvertInput, to: TargetFormat, resolver?: string): Promise<[Result<ConvertRunResult>, Result<ConvertReportResult>]>
  /** Converts the input to a BIND zone and saves it as the lab's zone; the error's message, or null when saved. */
  openInLab(input: ConvertInput): Promise<string | null>
}

const actions: ConvertActions = {
  detect: (text) => getApi().convert.detect({ text }),
  convert: (input, to, resolver) => Promise.all([getApi().convert.run({ ...input, to, resolver }), getApi().convert.report(input)]),
  openInLab: async (input) => {
    // the lab serves zone files: take the input there as a bind zone, aliases and all
    const r = await getApi().convert.run({ ...input, to: 'bind' })
    if (!r.ok || r.value.errors.length > 0) return r.ok ? r.value.errors[0].message : r.error.message
    const saved = await getApi().lab.saveZone({ text: r.value.text, dialect: 'bind' })
    return saved.ok ? null : saved.error.message
  }
}

/** What the Convert view asks the main side: detect a format, convert with its report, hand a zone to the lab. */
export function useConvert(): ConvertActions {
  return actions
}
