import type { ErrorCollector } from './errors'

/**
 * Lexer for RFC 1035 §5.1 master-file text. Token text is kept raw (escapes and, inside
 * unquoted tokens such as SVCB `alpn="h2,h3"`, embedded quotes untouched) so each rdata
 * parser decides how to decode it. Columns count UTF-16 code units, as editors do.
 */

export interface Token {
  /** Raw text; for a quoted token, the text between the quotes. */
  text: string
  quoted: boolean
  line: number
  column: number
}

/** One logical line: a physical line, or several joined by parentheses. */
export interface Entry {
  tokens: Token[]
  /** The first physical line starts with a blank, so the owner is the previous one. */
  blankStart: boolean
  line: number
  /** A lexical error was reported inside this entry; the parser skips it. */
  broken: boolean
}

const isBlank = (c: string): boolean => c === ' ' || c === '\t'
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

/** Length of the escape starting at s[i] === '\\', or an error message. */
function escapeLength(s: string, i: number): number | string {
  const next = s[i + 1]
  if (next === undefined) return 'a backslash at the end of a line escapes nothing'
  if (!isDigit(next)) return next.codePointAt(0)! > 0xffff ? 3 : 2
  const digits = s.slice(i + 1, i + 4)
  if (!/^\d{3}$/.test(digits) || Number(digits) > 255) {
    return `"\\${s.slice(i + 1, i + 4).replace(/\D.*$/, '')}" is not a valid escape (\\DDD needs three digits, 000-255)`
  }
  return 4
}

/** Scans a quoted run starting at s[i] === '"'; returns the index of the closing quote or an error. */
function scanQuoted(s: string, i: number): { end: number } | { error: string; at: number } {
  let j = i + 1
  while (j < s.length) {
    const c = s[j]
    if (c === '"') return { end: j }
    if (c === '\\') {
      const len = escapeLength(s, j)
      if (typeof len === 'string') return { error: len, at: j }
      j += len
    } else j++
  }
  return { error: 'unterminated quoted string (a closing " is missing on this line)', at: i }
}

export function tokenize(text: string, errors: ErrorCollector): Entry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  const entries: Entry[] = []
  let entry: Entry | null = null
  let paren: { line: number; column: number } | null = null

  for (let li = 0; li < lines.length && !errors.full; li++) {
    const s = lines[li]
    const lineNo = li + 1
    if (!paren || !entry) entry = { tokens: [], blankStart: s.length > 0 && isBlank(s[0]), line: lineNo, broken: false }
    const current: Entry = entry
    const fail = (at: number, reason: string): void => {
      errors.add(lineNo, at + 1, reason)
      current.broken = true
    }
    let i = 0
    while (i < s.length) {
      const c = s[i]
      if (isBlank(c)) {
        i++
      } else if (c === ';') {
        break
      } else if (c === '(') {
        if (paren) fail(i, `nested "(": the group opened at line ${paren.line}, column ${paren.column} is still open`)
        else paren = { line: lineNo, column: i + 1 }
        i++
      } else if (c === ')') {
        if (!paren) fail(i, '")" without a matching "("')
        paren = null
        i++
      } else if (c === '"') {
        const q = scanQuoted(s, i)
        if ('error' in q) {
          fail(q.at, q.error)
          break
        }
        current.tokens.push({ text: s.slice(i + 1, q.end), quoted: true, line: lineNo, column: i + 1 })
        i = q.end + 1
      } else {
        let j = i
        let bad = false
        while (j < s.length && !isBlank(s[j]) && s[j] !== ';' && s[j] !== '(' && s[j] !== ')') {
          if (s[j] === '\\') {
            const len = escapeLength(s, j)
            if (typeof len === 'string') {
              fail(j, len)
              bad = true
              break
            }
            j += len
          } else if (s[j] === '"') {
            const q = scanQuoted(s, j)
            if ('error' in q) {
              fail(q.at, q.error)
              bad = true
              break
            }
            j = q.end + 1
          } else j++
        }
        if (bad) break
        current.tokens.push({ text: s.slice(i, j), quoted: false, line: lineNo, column: i + 1 })
        i = j
      }
    }
    if (!paren) {
      if (current.tokens.length > 0 || current.broken) entries.push(current)
      entry = null
    }
  }
  if (paren && entry) {
    errors.add(paren.line, paren.column, '"(" is never closed')
    entry.broken = true
    entries.push(entry)
  }
  return entries
}
