/** `npm run convert`: converts a zone between providers' formats, or prints the lock-in report. */
import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { convert, ConvertError, ConvertErrors, formatLockInReport, lockInReport, readZone, type ConvertWarning } from '../convert'
import { query } from '../dns'
import { parseResolver } from '../resolvers/parse-resolver'
import { MAX_ZONE_FILE_BYTES, saveZoneFile } from '../zone'
import { UsageError } from '@shared/errors'
import { CONVERT_USAGE, parseConvertArgs } from './convert-args'

const EXIT_OK = 0
const EXIT_ERROR = 1
const EXIT_USAGE = 2

async function readInput(input: string): Promise<string> {
  if (input !== '-') {
    const { size } = await stat(input)
    if (size > MAX_ZONE_FILE_BYTES) throw new Error(`${input} is ${size} bytes; inputs over ${MAX_ZONE_FILE_BYTES} bytes are refused`)
    return readFile(input, 'utf8')
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length
    if (size > MAX_ZONE_FILE_BYTES) throw new Error(`standard input is over ${MAX_ZONE_FILE_BYTES} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const warningLine = (w: ConvertWarning): string => `warning: ${w.record}${w.line > 0 ? ` (line ${w.line})` : ''}: ${w.message}\n`

async function main(argv: string[]): Promise<number> {
  let cmd
  try {
    cmd = parseConvertArgs(argv)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    process.stderr.write(`convert: ${err.message}\n${CONVERT_USAGE}\n`)
    return EXIT_USAGE
  }
  const file = cmd.input === '-' ? '-' : cmd.input
  try {
    const text = await readInput(cmd.input)
    if (cmd.report) {
      const { zone, warnings } = await readZone(text, cmd.from, { file, origin: cmd.origin })
      warnings.forEach((w) => process.stderr.write(warningLine(w)))
      process.stdout.write(formatLockInReport(lockInReport(zone), zone.origin))
      return EXIT_OK
    }
    const resolver = cmd.resolver ? parseResolver(cmd.resolver) : undefined
    const result = await convert(text, {
      from: cmd.from,
      to: cmd.to!,
      file,
      origin: cmd.origin,
      resolver,
      query: (name, type, target) => query({ name, type, resolver: target, options: {} })
    })
    result.warnings.forEach((w) => process.stderr.write(warningLine(w)))
    result.summary.forEach((line) => process.stderr.write(`${line}\n`))
    if (cmd.output) await saveZoneFile(resolve(cmd.output), result.text)
    else process.stdout.write(result.text)
    return EXIT_OK
  } catch (err) {
    if (err instanceof ConvertError || err instanceof ConvertErrors) {
      process.stderr.write(`error: ${err.message.split('\n').join('\nerror: ')}\n`)
      return EXIT_ERROR
    }
    const e = err as NodeJS.ErrnoException
    process.stderr.write(`error: ${e.code === 'ENOENT' ? `${file}: no such file` : e.message}\n`)
    return EXIT_ERROR
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`convert: internal error: ${(err as Error).stack ?? String(err)}\n`)
    process.exitCode = EXIT_ERROR
  }
)
