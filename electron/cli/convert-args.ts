/** Arguments of `npm run convert`. */
import { FORMAT_IDS, isFormatId, READABLE_FORMATS, type FormatId } from '../convert'
import { UsageError } from '@shared/errors'

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
  const flags: Record<string, string> = { '--from': 'from', '--to': 'to', '--origin': 'origin', '--resolver': 'resolver', '-o': 'output', '--output': 'output' }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const eq = /^(--[a-z]+)=(.*)$/.exec(arg)
    const flag = eq ? eq[1] : arg
    if (flag === '--report') {
      report = true
    } else if (flag in flags) {
      const value = eq ? eq[2] : argv[++i]
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`)
      values[flags[flag]] = value
    } else if (arg === '-' || !arg.startsWith('-')) {
      if (input !== undefined) throw new UsageError(`one INPUT only (got "${input}" and "${arg}")`)
      input = arg
    } else throw new UsageError(`unknown option ${arg}`)
  }
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
