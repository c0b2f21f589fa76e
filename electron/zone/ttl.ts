/** TTLs: plain seconds or BIND units (1w2d3h4m5s), capped at 2^31-1 by RFC 2181 §8. */

export const MAX_TTL = 2_147_483_647
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }

export function parseTtl(text: string): number | { error: string } {
  let seconds: number
  if (/^\d+$/.test(text)) {
    seconds = Number(text)
  } else if (/^(\d+[smhdw])+$/i.test(text)) {
    seconds = 0
    for (const [, n, unit] of text.matchAll(/(\d+)([smhdw])/gi)) seconds += Number(n) * UNIT_SECONDS[unit.toLowerCase()]
  } else {
    return { error: `"${text}" is not a TTL (expected seconds or units like 1h30m)` }
  }
  if (seconds > MAX_TTL) return { error: `TTL "${text}" is ${seconds} seconds, more than ${MAX_TTL} (RFC 2181 §8)` }
  return seconds
}
