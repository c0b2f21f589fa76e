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

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

/** Length of the escape starting at s[i] === '\\', or an error message. */
export function escapeLength(s: string, i: number): number | string {
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
export function scanQuoted(s: string, i: number): number | { error: string; at: number } {
  let j = i + 1
  while (j < s.length) {
    const c = s.charCodeAt(j)
    if (c === 0x22) return j
    if (c === 0x5c) {
      const len = escapeLength(s, j)
      if (typeof len === 'string') return { error: len, at: j }
      j += len
    } else j++
  }
  return { error: 'unterminated quoted string (a closing " is missing on this line)', at: i }
}

const BLANK_SPACE = 0x20
const BLANK_TAB = 0x09
const SEMICOLON = 0x3b
const OPEN = 0x28
const CLOSE = 0x29
const QUOTE = 0x22
const BACKSLASH = 0x5c

function failIn(entry: Entry, errors: ErrorCollector, lineNo: number, at: number, reason: string): void {
  errors.add(lineNo, at + 1, reason)
  entry.broken = true
}

export function tokenize(text: string, errors: ErrorCollector): Entry[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  // A plain string split is much faster than the regex one, and the same when there is no CR.
  const lines = body.includes('\r') ? body.split(/\r\n|\n|\r/) : body.split('\n')
  const entries: Entry[] = []
  let entry: Entry | null = null
  let paren: { line: number; column: number } | null = null

  for (let li = 0; li < lines.length && !errors.full; li++) {
    const s = lines[li]!
    const n = s.length
    const lineNo = li + 1
    if (!paren || !entry) {
      const first = s.charCodeAt(0)
      entry = { tokens: [], blankStart: first === BLANK_SPACE || first === BLANK_TAB, line: lineNo, broken: false }
    }
    const current: Entry = entry
    let i = 0
    while (i < n) {
      const c = s.charCodeAt(i)
      if (c === BLANK_SPACE || c === BLANK_TAB) {
        i++
      } else if (c === SEMICOLON) {
        break
      } else if (c === OPEN) {
        if (paren) failIn(current, errors, lineNo, i, `nested "(": the group opened at line ${paren.line}, column ${paren.column} is still open`)
        else paren = { line: lineNo, column: i + 1 }
        i++
      } else if (c === CLOSE) {
        if (!paren) failIn(current, errors, lineNo, i, '")" without a matching "("')
        paren = null
        i++
      } else if (c === QUOTE) {
        const q = scanQuoted(s, i)
        if (typeof q !== 'number') {
          failIn(current, errors, lineNo, q.at, q.error)
          break
        }
        current.tokens.push({ text: s.slice(i + 1, q), quoted: true, line: lineNo, column: i + 1 })
        i = q + 1
      } else {
        let j = i
        let bad = false
        while (j < n) {
          const d = s.charCodeAt(j)
          if (d === BLANK_SPACE || d === BLANK_TAB || d === SEMICOLON || d === OPEN || d === CLOSE) break
          if (d === BACKSLASH) {
            const len = escapeLength(s, j)
            if (typeof len === 'string') {
              failIn(current, errors, lineNo, j, len)
              bad = true
              break
            }
            j += len
          } else if (d === QUOTE) {
            const q = scanQuoted(s, j)
            if (typeof q !== 'number') {
              failIn(current, errors, lineNo, q.at, q.error)
              bad = true
              break
            }
            j = q + 1
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
