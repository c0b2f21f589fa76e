/** The one argument reader of the CLIs: a table of flags, and the validators their values share. */
import { UsageError } from '@shared/errors'

/** Flag name → handler; `value()` takes the flag's value (the next argument, or the text after `=`). */
export type Flags = Record<string, (value: () => string, flag: string) => void>

export interface ReadOptions {
  /** The arguments that are not flags (a lone '-' too); without it, every one is an unknown argument. */
  word?: (arg: string) => void
  /** Where `--flag=value` is a spelling: group 1 the flag, group 2 its value. */
  inline?: RegExp
  /** Whether a text can be a value; where not, the flag "needs a value". */
  isValue?: (text: string) => boolean
}

export function readArgs(argv: readonly string[], flags: Flags, { word, inline, isValue = () => true }: ReadOptions = {}): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [, flag = arg, given] = inline?.exec(arg) ?? []
    const value = (): string => {
      const v = given ?? argv[++i]
      if (v === undefined || !isValue(v)) throw new UsageError(`${flag} needs a value`)
      return v
    }
    if (Object.hasOwn(flags, flag)) flags[flag]!(value, flag)
    else if (word && (arg === '-' || !arg.startsWith('-'))) word(arg)
    else throw new UsageError(word ? `unknown option ${arg}` : `unknown argument "${arg}"`)
  }
}

/** `-h` and `--help`. */
export const helpFlags = (cmd: { help: boolean }): Flags => ({ '-h': () => (cmd.help = true), '--help': () => (cmd.help = true) })

/** Writes `text` and a newline to standard output (--help and the like); returns exit status 0. */
export function writeOut(text: string): number {
  process.stdout.write(`${text}\n`)
  return 0
}

/** A whole number from min to max; `sep` '=' is query's dig-like spelling of the messages (`+retry=N`). */
export function whole(flag: string, value: string | undefined, min: number, max: number, sep = ' '): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`${flag} needs a whole number${sep === '=' ? `, e.g. ${flag}=${min}` : ''}`)
  const n = Number(value)
  if (n < min || n > max) throw new UsageError(`${flag}${sep}${value} is out of range (${min}-${max})`)
  return n
}

export function port(flag: string, value: string, min = 0): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > 65535) throw new UsageError(`${flag} needs a port number, not "${value}"`)
  return n
}

export function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} is one of ${allowed.join(', ')}, not "${value}"`)
  return value as T
}
