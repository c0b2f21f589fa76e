/** Strict IPv4/IPv6 literals (no zone ids, no leading zeros in IPv4) and RFC 5952 formatting. */

// Hand-written over char codes: zone loading parses one address per A/AAAA record.
export function parseIPv4(text: string): Uint8Array | null {
  const n = text.length
  if (n < 7 || n > 15) return null
  const out = new Uint8Array(4)
  let i = 0
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (text.charCodeAt(i) !== 0x2e) return null
      i++
    }
    const start = i
    let value = 0
    while (i < n && i - start < 4) {
      const c = text.charCodeAt(i) - 0x30
      if (c < 0 || c > 9) break
      value = value * 10 + c
      i++
    }
    const digits = i - start
    // "010" is octal to some tools and decimal to others; refuse it rather than guess.
    if (digits === 0 || digits > 3 || value > 255 || (digits > 1 && text.charCodeAt(start) === 0x30)) return null
    out[part] = value
  }
  return i === n ? out : null
}

const hexValue = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1)

/** Hex groups only (no embedded IPv4): one pass over char codes. */
function parsePureIPv6(text: string): Uint8Array | null {
  const n = text.length
  const groups = new Uint16Array(8)
  let count = 0
  let gap = -1
  let i = 0
  if (n >= 2 && text.charCodeAt(0) === 0x3a && text.charCodeAt(1) === 0x3a) {
    gap = 0
    i = 2
  }
  while (i < n) {
    if (count === 8) return null
    const start = i
    let value = 0
    while (i < n && i - start < 5) {
      const h = hexValue(text.charCodeAt(i))
      if (h < 0) break
      value = value * 16 + h
      i++
    }
    if (i === start || i - start > 4) return null
    groups[count++] = value
    if (i === n) break
    if (text.charCodeAt(i) !== 0x3a) return null
    i++
    if (i < n && text.charCodeAt(i) === 0x3a) {
      if (gap >= 0) return null
      gap = count
      i++
    } else if (i === n) return null
  }
  if (gap < 0 ? count !== 8 : count > 7) return null
  const out = new Uint8Array(16)
  const right = gap < 0 ? 0 : count - gap
  for (let g = 0; g < count; g++) {
    const slot = gap < 0 || g < gap ? g : 8 - right + (g - gap)
    out[slot * 2] = groups[g]! >> 8
    out[slot * 2 + 1] = groups[g]! & 0xff
  }
  return out
}

export function parseIPv6(text: string): Uint8Array | null {
  if (text.length > 0 && !text.includes('.')) return parsePureIPv6(text)
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
  const group = (i: number): number => (b[start + i * 2]! << 8) | b[start + i * 2 + 1]!
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8; ) {
    if (group(i) !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && group(j) === 0) j++
    if (j - i > bestLen) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  if (bestLen < 2) bestStart = 8
  let out = ''
  for (let i = 0; i < bestStart; i++) out += (i > 0 ? ':' : '') + group(i).toString(16)
  if (bestStart === 8) return out
  out += '::'
  for (let i = bestStart + bestLen; i < 8; i++) out += (i > bestStart + bestLen ? ':' : '') + group(i).toString(16)
  return out
}
