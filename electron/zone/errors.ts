import { clipTokens } from '@shared/clip-text'

/** A problem in zone text or a zone model, positioned for an editor (1-based line and column). */
export class ZoneParseError extends Error {
  override readonly name = 'ZoneParseError'

  constructor(
    readonly line: number,
    readonly column: number,
    /** What is wrong, without the position prefix; long tokens in it are clipped. */
    reason: string
  ) {
    const clipped = clipTokens(reason)
    super(`line ${line}, column ${column}: ${clipped}`)
    this.reason = clipped
  }

  readonly reason: string

  toJSON(): { line: number; column: number; message: string } {
    return { line: this.line, column: this.column, message: this.message }
  }
}

const DEFAULT_MAX_ERRORS = 100

/** Collects errors up to a cap; `full` tells the parser to stop. */
export class ErrorCollector {
  readonly errors: ZoneParseError[] = []
  full = false

  constructor(private readonly max = DEFAULT_MAX_ERRORS) {}

  add(line: number, column: number, reason: string): void {
    if (this.full) return
    if (this.errors.length >= this.max) {
      this.errors.push(new ZoneParseError(line, column, `too many errors (more than ${this.max}); the rest of the file was not checked`))
      this.full = true
      return
    }
    this.errors.push(new ZoneParseError(line, column, reason))
  }
}
