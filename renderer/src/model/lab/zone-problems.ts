import type { ZoneProblem } from '@shared/lab'
import { lowerAbsolute } from '@shared/names'

/**
 * Zone problems from a refusal message of `lab:saveZone` ("… line 3, column 1: CNAME at the apex; line 9,
 * column 5: …"); empty when the message names no position. Pure.
 */
export function problemsFromMessage(message: string): ZoneProblem[] {
  const out: ZoneProblem[] = []
  const pattern = /line (\d+), column (\d+): ([\s\S]*?)(?=; line \d+, column \d+: |; and \d+ more|$)/g
  for (const match of message.matchAll(pattern)) {
    out.push({ line: Number(match[1]), column: Number(match[2]), message: match[3]!.trim() })
  }
  return out
}

/** Character offset of a 1-based line and column in `text` (clamped to the text), for placing the caret. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset)
    if (next < 0) return text.length
    offset = next + 1
  }
  const end = text.indexOf('\n', offset)
  const lineLength = (end < 0 ? text.length : end) - offset
  return offset + Math.min(Math.max(0, column - 1), lineLength)
}

/** Problems grouped by line number, for the gutter and the inline markers. */
export function problemsByLine(problems: readonly ZoneProblem[]): Map<number, ZoneProblem[]> {
  const map = new Map<number, ZoneProblem[]>()
  for (const p of problems) {
    const list = map.get(p.line)
    if (list) list.push(p)
    else map.set(p.line, [p])
  }
  return map
}

/**
 * The ALIAS (or ANAME) target at the zone's apex, read from the zone text the way the lab's demo writes it
 * (`@ TTL IN ALIAS target.` or the origin spelled out). Enough for "watch this apex"; undefined when absent.
 */
export function apexAliasTarget(text: string, origin: string): string | undefined {
  const apex = lowerAbsolute(origin)
  for (const raw of text.split('\n')) {
    const line = raw.replace(/;.*$/, '').trim()
    const match = /^(\S+)\s+(?:(?:\d+[smhdw]?|IN|CH)\s+)*(?:ALIAS|ANAME)\s+(\S+)/i.exec(line)
    if (!match) continue
    const owner = match[1]!.toLowerCase()
    if (owner === '@' || owner === apex || `${owner}.` === apex) {
      const target = match[2]!.toLowerCase()
      return target.endsWith('.') ? target : `${target}.${apex}`
    }
  }
  return undefined
}
