const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

/** One argument for a POSIX shell: as is when it has only safe characters, else single-quoted. */
export function shellQuote(arg: string): string {
  if (SAFE.test(arg)) return arg
  return `'${arg.replace(/'/g, `'\\''`)}'`
}

export function shellCommand(args: readonly string[]): string {
  return args.map(shellQuote).join(' ')
}
