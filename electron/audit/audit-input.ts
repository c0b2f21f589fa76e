import { ServiceError } from '@shared/errors'
import { normalizeName } from '../dns/names'
import { parseZone } from '../zone'

export interface AuditEntry {
  /** Absolute, lower-case, trailing dot. */
  name: string
  /** The target the name should follow, when the input gives one. */
  target?: string
}

export interface AuditInput {
  kind: 'list' | 'zone'
  entries: AuditEntry[]
}

const MAX_ERRORS_SHOWN = 5

/** A zone file begins with a directive or has an SOA record; a list of names has neither. */
export function looksLikeZone(text: string): boolean {
  return /^\s*\$(ORIGIN|TTL)\b/im.test(text) || /^\S*\s+(\d+\s+)?(IN\s+)?(\d+\s+)?SOA\s/im.test(text)
}

function checkedName(text: string, line: number, column: number, what: string): string {
  try {
    return normalizeName(text).ascii.toLowerCase()
  } catch (error) {
    throw new Error(`line ${line}, column ${column}: "${text}" is not a valid ${what}: ${(error as Error).message}`)
  }
}

function parseList(text: string, where: string): AuditInput {
  const entries: AuditEntry[] = []
  const errors: string[] = []
  const seen = new Set<string>()
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1
    const content = raw.replace(/[#;].*$/, '')
    const fields = [...content.matchAll(/\S+/g)]
    if (fields.length === 0) return
    try {
      if (fields.length > 2) {
        throw new Error(`line ${line}, column ${(fields[2]!.index ?? 0) + 1}: expected a name and at most one target, found "${fields[2]![0]}"`)
      }
      const name = checkedName(fields[0]![0], line, (fields[0]!.index ?? 0) + 1, 'name')
      const target = fields[1] ? checkedName(fields[1][0], line, (fields[1].index ?? 0) + 1, 'target') : undefined
      if (seen.has(name)) return
      seen.add(name)
      entries.push({ name, ...(target ? { target } : {}) })
    } catch (error) {
      errors.push((error as Error).message)
    }
  })
  if (errors.length > 0) throw listError(where, errors)
  return { kind: 'list', entries }
}

function listError(where: string, errors: string[]): ServiceError {
  const more = errors.length > MAX_ERRORS_SHOWN ? `; and ${errors.length - MAX_ERRORS_SHOWN} more` : ''
  return new ServiceError('bad-input', `${where}: ${errors.slice(0, MAX_ERRORS_SHOWN).join('; ')}${more}`)
}

function parseZoneInput(text: string, where: string): AuditInput {
  const { zone, errors } = parseZone(text)
  if (!zone || errors.length > 0) {
    throw listError(where, errors.map((e) => e.message))
  }
  const seen = new Set<string>()
  const entries: AuditEntry[] = []
  for (const record of zone.records) {
    // wildcard owners are patterns, not names anyone can be asked about
    if (seen.has(record.name) || record.name.startsWith('*.')) continue
    seen.add(record.name)
    entries.push({ name: record.name })
  }
  return { kind: 'zone', entries }
}

/** Reads an audit's input: a list of names (each optionally with a target) or a zone file. */
export function parseAuditInput(text: string, where = 'input'): AuditInput {
  const input = looksLikeZone(text) ? parseZoneInput(text, where) : parseList(text, where)
  if (input.entries.length === 0) throw new ServiceError('bad-input', `${where}: no names to audit`)
  return input
}
