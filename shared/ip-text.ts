/** Strict IPv4/IPv6 literals (no zone ids, no leading zeros in IPv4) and RFC 5952 formatting. */

export function parseIPv4(text: string): Uint8Array | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)
  if (!m) return null
  const parts = m.slice(1)
  // "010" is octal to some tools and decimal to others; refuse it rather than guess.
  if (parts.some((p) => Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) return null
  return Uint8Array.from(parts.map(Number))
}

export function parseIPv6(text: string): Uint8Array | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null
  let head = text
  let v4: Uint8Array | null = null
  const lastColon = text.lastIndexOf(':')
  if (text.includes('.')) {
    v4 = parseIPv4(text.slice(lastColon + 1))
    if (!v4) return null
    head = text.slice(0, lastColon + 1)
    if (!head.endsWith('::')) head = head.slice(0, -1)
  }
  const groupsNeeded = v4 ? 6 : 8
  const halves = head.split('::')
  if (halves.length > 2) return null
  const parse = (s: string): number[] | null => {
    if (s === '') return []
    const groups = s.split(':')
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null
    return groups.map((g) => parseInt(g, 16))
  }
  let groups: number[]
  if (halves.length === 2) {
    const left = parse(halves[0]!)
    const right = parse(halves[1]!)
    if (!left || !right || left.length + right.length > groupsNeeded - 1) return null
    groups = [...left, ...Array<number>(groupsNeeded - left.length - right.length).fill(0), ...right]
  } else {
    const all = parse(head)
    if (!all || all.length !== groupsNeeded) return null
    groups = all
  }
  const out = new Uint8Array(16)
  groups.forEach((g, i) => {
    out[i * 2] = g >> 8
    out[i * 2 + 1] = g & 0xff
  })
  if (v4) out.set(v4, 12)
  return out
}

/** The 4 octets at `start` in dotted-quad form. */
export const formatIPv4 = (b: Uint8Array, start = 0): string => `${b[start]}.${b[start + 1]}.${b[start + 2]}.${b[start + 3]}`

/** The 16 octets at `start` per RFC 5952: lower-case, no leading zeros, the longest run (>= 2) of zero groups as '::'. */
export function formatIPv6(b: Uint8Array, start = 0): string {
  const groups = Array.from({ length: 8 }, (_, i) => (b[start + i * 2]! << 8) | b[start + i * 2 + 1]!)
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  const hex = groups.map((g) => g.toString(16))
  if (bestLen < 2) return hex.join(':')
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':')
}
