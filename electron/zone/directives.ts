/** Master-file directives: $ORIGIN and $TTL are applied; $INCLUDE and $GENERATE are refused. */
import type { ErrorCollector } from './errors'
import { parseName, type Labels } from '../dns/names'
import type { Entry, Token } from './tokenizer'
import { parseTtl } from './ttl'

export interface DirectiveState {
  /** Current origin for relative names. */
  origin: Labels | null
  /** The first origin set by the options or a $ORIGIN: the zone's origin. */
  zoneOrigin: Labels | null
  /** TTL from the last $TTL (or the defaultTtl option). */
  defaultTtl: number | undefined
}

export const isDirective = (entry: Entry): boolean => !entry.tokens[0].quoted && entry.tokens[0].text.startsWith('$')

export function applyDirective(entry: Entry, state: DirectiveState, errors: ErrorCollector): void {
  const [head, ...args] = entry.tokens
  const fail = (t: Token, reason: string): void => errors.add(t.line, t.column, reason)
  const name = head.text.toUpperCase()
  const oneArg = (usage: string): Token | null => {
    if (args.length === 1 && !args[0].quoted) return args[0]
    fail(args[1] ?? args[0] ?? head, `${name} takes exactly one argument: ${name} ${usage}`)
    return null
  }
  switch (name) {
    case '$ORIGIN': {
      const arg = oneArg('<domain-name>')
      if (!arg) return
      const r = parseName(arg.text, state.origin)
      if ('error' in r) return fail(arg, `$ORIGIN: ${r.error}`)
      state.origin = r.labels
      state.zoneOrigin ??= r.labels
      return
    }
    case '$TTL': {
      const arg = oneArg('<ttl>')
      if (!arg) return
      const ttl = parseTtl(arg.text)
      if (typeof ttl === 'number') state.defaultTtl = ttl
      else fail(arg, ttl.error)
      return
    }
    case '$INCLUDE':
      return fail(head, '$INCLUDE is not supported: the ALIAS server loads one self-contained file, so paste the included records here')
    case '$GENERATE':
      return fail(head, '$GENERATE is not supported: write the generated records out one per line')
    default:
      return fail(head, `unknown directive "${head.text}" (supported: $ORIGIN, $TTL)`)
  }
}
