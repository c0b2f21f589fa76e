/** A conversion stopped: what is wrong and, when it comes from the input, where (1-based line and column). */
export class ConvertError extends Error {
  override readonly name = 'ConvertError'

  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string
  ) {
    super(line > 0 ? `${file}:${line}:${column}: ${reason}` : `${file}: ${reason}`)
  }
}

/** Several located errors at once (a zone file with three bad lines gives three). */
export class ConvertErrors extends Error {
  override readonly name = 'ConvertErrors'

  constructor(readonly errors: ConvertError[]) {
    super(errors.map((e) => e.message).join('\n'))
  }
}

export function firstErrors(errors: ConvertError[]): never {
  if (errors.length === 1) throw errors[0]
  throw new ConvertErrors(errors)
}
