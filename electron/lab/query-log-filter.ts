/** A query-log filter as SQL: clauses joined with AND, and their parameters. Text never enters the SQL itself. */
import type { QueryLogFilter } from '@shared/lab-log'
import { lowerAbsolute } from '@shared/names'

/** LIKE pattern text with its wildcards taken literally (used with ESCAPE '\'). */
const literal = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

export function filterSql(filter: QueryLogFilter): { clauses: string[]; params: Array<string | number> } {
  const clauses: string[] = []
  const params: Array<string | number> = []
  const name = filter.name?.trim()
  if (name) {
    const n = lowerAbsolute(name)
    if (n === '.') clauses.push('1 = 1')
    else {
      clauses.push(`(name = ? OR name LIKE ? ESCAPE '\\')`)
      params.push(n, `%.${literal(n)}`)
    }
  }
  if (filter.type?.trim()) {
    clauses.push('type = ?')
    params.push(filter.type.trim().toUpperCase())
  }
  if (filter.rcode?.trim()) {
    clauses.push('rcode = ?')
    params.push(filter.rcode.trim().toUpperCase())
  }
  if (filter.cache) {
    clauses.push('cache = ?')
    params.push(filter.cache)
  }
  const client = filter.client?.trim().toLowerCase()
  if (client) {
    // with its port, or the address alone: every port of it
    const bare = client.replace(/^\[(.*)\]$/, '$1')
    clauses.push(`(client = ? OR client LIKE ? ESCAPE '\\' OR client LIKE ? ESCAPE '\\')`)
    params.push(client, `${literal(bare)}:%`, `[${literal(bare)}]:%`)
  }
  const search = filter.search?.trim()
  if (search) {
    const pattern = `%${literal(search)}%`
    clauses.push(
      `(name LIKE ? ESCAPE '\\' OR type LIKE ? ESCAPE '\\' OR rcode LIKE ? ESCAPE '\\' OR answer LIKE ? ESCAPE '\\' OR client LIKE ? ESCAPE '\\' OR cache LIKE ? ESCAPE '\\' OR rule LIKE ? ESCAPE '\\')`
    )
    params.push(pattern, pattern, pattern, pattern, pattern, pattern, pattern)
  }
  return { clauses, params }
}
