/** Puts each warning beside the output line that holds its record, whatever the output format. */

export interface Placeable {
  record: string
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Ways a format may spell the owner: absolute, without the dot, relative to the origin, '@' or '' for the apex. */
function spellings(name: string, origin: string): string[] {
  const bare = name.replace(/\.$/, '')
  const out = [name, bare]
  if (name === origin) out.push('@', '""', "''")
  else if (name.endsWith(`.${origin}`)) out.push(name.slice(0, -origin.length - 1))
  return out
}

export function placeWarnings<W extends Placeable>(lines: string[], warnings: W[], origin: string): { placed: Map<number, W[]>; unplaced: W[] } {
  const placed = new Map<number, W[]>()
  const unplaced: W[] = []
  for (const w of warnings) {
    const [name, type = ''] = w.record.split(' ')
    const owner = new RegExp(`(^|[\\s"'(])(${spellings(name, origin).map(escapeRe).join('|')})(?=[\\s"',:)]|$)`)
    const candidates = lines.flatMap((l, i) => (owner.test(l) ? [i] : []))
    const typed = candidates.find((i) => new RegExp(`\\b${escapeRe(type)}\\b`).test(lines[i]))
    const at = typed ?? candidates[0]
    if (at === undefined) unplaced.push(w)
    else placed.set(at, [...(placed.get(at) ?? []), w])
  }
  return { placed, unplaced }
}
