/** Arguments of `npm run convert`. */
import { FORMAT_IDS, isFormatId, READABLE_FORMATS, type FormatId } from '../convert'
import { UsageError } from '@shared/errors'
import { readArgs, type Flags } from './read-args'

export const CONVERT_USAGE = `usage: npm run convert -- INPUT --from FORMAT --to FORMAT [--origin NAME] [--resolver SERVER] [-o OUTPUT]
       npm run convert -- INPUT --from FORMAT --report [--origin NAME]
INPUT is a file or - (standard input). Formats: ${FORMAT_IDS.join(', ')}
(reading: ${READABLE_FORMATS.join(', ')}).`

export interface ConvertCommand {
  input: string
  from: FormatId
  to?: FormatId
  origin?: string
  resolver?: string
  output?: string
  report: boolean
}

export function parseConvertArgs(argv: string[]): ConvertCommand {
  const values: Record<string, string | undefined> = {}
  let input: string | undefined
  let report = false
  const keep = (key: string): Flags[string] => (v) => (values[key] = v())
  const flags: Flags = { '--from': keep('from'), '--to': keep('to'), '--origin': keep('origin'), '--resolver': keep('resolver'), '-o': keep('output'), '--output': keep('output'), '--report': () => (report = true) }
  readArgs(argv, flags, {
    inline: /^(--[a-z]+)=(.*)$/,
    isValue: (v) => v !== '',
    word: (arg) => {
      if (input !== undefined) throw new UsageError(`one INPUT only (got "${input}" and "${arg}")`)
      input = arg
    }
  })
  if (input === undefined) throw new UsageError('INPUT is missing (a file, or - for standard input)')
  const format = (key: 'from' | 'to'): FormatId | undefined => {
    const v = values[key]
    if (v === undefined) return undefined
    if (!isFormatId(v)) throw new UsageError(`--${key} ${v} is not a format (${FORMAT_IDS.join(', ')})`)
    return v
  }
  const from = format('from')
  const to = format('to')
  if (!from) throw new UsageError('--from FORMAT is missing')
  if (!READABLE_FORMATS.includes(from)) throw new UsageError(`${from} is write-only; --from takes ${READABLE_FORMATS.join(', ')}`)
  if (!to && !report) throw new UsageError('--to FORMAT is missing (or ask for --report)')
  if (to === 'flat' && !values.resolver) throw new UsageError('--to flat needs --resolver SERVER: it resolves every alias now')
  return { input, from, to, origin: values.origin, resolver: values.resolver, output: values.output, report }
}
