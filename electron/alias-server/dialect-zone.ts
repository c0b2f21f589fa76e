/**
 * Zone text in one of the dialects users bring (bind, route53-text, cloudflare), read through the
 * converter's readers and made ready to serve: a Route 53 alias keeps the families it covers, a
 * Cloudflare apex CNAME is the flattened alias it is there. Errors keep their line and column and say
 * which dialect would accept the line.
 */
import type { ZoneDialect } from '@shared/alias-server'
import { ConvertError, ConvertErrors } from '../convert/errors'
import { readZoneText } from '../convert/zone-text-read'
import type { Zone } from '../zone'

export interface DialectProblem {
  line: number
  column: number
  message: string
}

export type DialectRead = { zone: Zone; errors: [] } | { zone?: undefined; errors: DialectProblem[] }

/** Reads `text` as `dialect`; never throws for bad input (the problems come back located). */
export function readDialectZone(text: string, dialect: ZoneDialect, options: { file: string; origin?: string }): DialectRead {
  try {
    return { zone: readZoneText(text, dialect, options), errors: [] }
  } catch (error) {
    const errors = error instanceof ConvertErrors ? error.errors : error instanceof ConvertError ? [error] : null
    if (!errors) throw error
    return { errors: errors.map((e) => ({ line: e.line, column: e.column, message: e.reason })) }
  }
}
