/**
 * Zone text in one of the dialects users bring (bind, route53-text, cloudflare), read through the
 * converter's readers and made ready to serve: a Route 53 alias keeps the families it covers, a
 * Cloudflare apex CNAME is the flattened alias it is there. Errors keep their line and column and say
 * which dialect would accept the line.
 */
import type { ZoneDialect } from '@shared/alias-server'
import { ConvertError, ConvertErrors } from '../convert/errors'
import { readZoneText } from '../convert/zone-text-read'
import { parseZone, type Zone } from '../zone'

export interface DialectProblem {
  line: number
  column: number
  message: string
}

export type DialectRead = { zone: Zone; errors: [] } | { zone?: undefined; errors: DialectProblem[] }

/** The located problems of a parse that gave no zone (a text without one says so). */
export const zoneProblems = (errors: Array<{ line: number; column: number; reason: string }>): DialectProblem[] =>
  errors.length > 0 ? errors.map((e) => ({ line: e.line, column: e.column, message: e.reason })) : [{ line: 1, column: 1, message: 'the text holds no zone' }]

/** Reads `text` as `dialect`; never throws for bad input (the problems come back located). */
export function readDialectZone(text: string, dialect: ZoneDialect, options: { file: string; origin?: string; flattenAllCnames?: boolean }): DialectRead {
  try {
    return { zone: readZoneText(text, dialect, options), errors: [] }
  } catch (error) {
    const errors = error instanceof ConvertErrors ? error.errors : error instanceof ConvertError ? [error] : null
    if (!errors) throw error
    return { errors: errors.map((e) => ({ line: e.line, column: e.column, message: e.reason })) }
  }
}

/**
 * The parser's result shape for any dialect. `bind` goes through the zone parser alone (the zone worker's
 * fallback when the byte path gives up); only when it refuses the text is it read again by the converter's reader, whose errors say
 * which dialect would read a refused line.
 */
export function parseDialectZone(
  text: string,
  dialect: ZoneDialect,
  options: { origin?: string; maxErrors?: number; flattenAllCnames?: boolean } = {}
): { zone?: Zone; errors: Array<{ line: number; column: number; reason: string }> } {
  if (dialect === 'bind') {
    const parsed = parseZone(text, options)
    if (parsed.zone && parsed.errors.length === 0) return parsed
  }
  const read = readDialectZone(text, dialect, { file: 'zone', ...(options.origin ? { origin: options.origin } : {}), ...(options.flattenAllCnames ? { flattenAllCnames: true } : {}) })
  if (read.zone) return { zone: read.zone, errors: [] }
  return { errors: read.errors.slice(0, options.maxErrors ?? 100).map((e) => ({ line: e.line, column: e.column, reason: e.message })) }
}
