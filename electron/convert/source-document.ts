/**
 * JSON and YAML inputs, parsed with the `yaml` library (JSON is YAML 1.2), which keeps every node's
 * position so that errors about a record can name its line and column.
 */
import { isNode, LineCounter, parseDocument } from 'yaml'
import { ConvertError } from './errors'
import type { Position } from './structured-records'

export type Path = (string | number)[]

export interface SourceDocument {
  value: unknown
  /** Position of the node at `path` (the closest existing ancestor when it is missing). */
  at(path: Path): Position
  error(path: Path, reason: string): ConvertError
}

const MAX_ALIAS_COUNT = 100

export function parseSourceDocument(text: string, file: string, what: 'JSON' | 'YAML'): SourceDocument {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true })
  const problem = doc.errors[0]
  if (problem) {
    const pos = problem.linePos?.[0] ?? { line: 1, col: 1 }
    throw new ConvertError(file, pos.line, pos.col, `not valid ${what}: ${problem.message.split('\n')[0]}`)
  }
  // maxAliasCount bounds YAML's "billion laughs" expansion
  const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown
  const at = (path: Path): Position => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)
      if (isNode(node) && node.range) {
        const p = lineCounter.linePos(node.range[0])
        return { line: p.line, column: p.col }
      }
    }
    return { line: 1, column: 1 }
  }
  return {
    value,
    at,
    error: (path, reason) => {
      const p = at(path)
      return new ConvertError(file, p.line, p.column, reason)
    }
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
