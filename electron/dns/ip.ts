import { isIP } from 'node:net'

export function formatIPv4(buf: Buffer, start: number): string {
  return `${buf[start]}.${buf[start + 1]}.${buf[start + 2]}.${buf[start + 3]}`
}

/** RFC 5952 canonical text form (lower case, longest run of zero groups compressed). */
export function formatIPv6(buf: Buffer, start: number): string {
  const groups: number[] = []
  for (let i = 0; i < 8; i++) groups.push(buf.readUInt16BE(start + i * 2))
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen && j - i > 1) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  const hex = groups.map((g) => g.toString(16))
  if (bestStart < 0) return hex.join(':')
  const head = hex.slice(0, bestStart).join(':')
  const tail = hex.slice(bestStart + bestLen).join(':')
  return `${head}::${tail}`
}

export function parseIPv4(text: string): Buffer | undefined {
  if (isIP(text) !== 4) return undefined
  return Buffer.from(text.split('.').map(Number))
}

export function parseIPv6(text: string): Buffer | undefined {
  if (isIP(text) !== 6) return undefined
  let s = text
  const out = Buffer.alloc(16)
  let tailV4: Buffer | undefined
  const lastColon = s.lastIndexOf(':')
  if (s.includes('.', lastColon)) {
    tailV4 = parseIPv4(s.slice(lastColon + 1))
    if (!tailV4) return undefined
    s = `${s.slice(0, lastColon + 1)}0:0`
  }
  const [left, right] = s.includes('::') ? s.split('::') : [s, undefined]
  const l = left ? left.split(':') : []
  const r = right === undefined ? [] : right ? right.split(':') : []
  const groups = right === undefined ? l : [...l, ...Array<string>(8 - l.length - r.length).fill('0'), ...r]
  if (groups.length !== 8) return undefined
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2))
  if (tailV4) tailV4.copy(out, 12)
  return out
}

/** Canonical text form of an IP literal (so '0:0::1' and '::1' compare equal); other strings unchanged. */
export function canonicalIp(text: string): string {
  const family = isIP(text)
  if (family === 6) {
    const bytes = parseIPv6(text)
    return bytes ? formatIPv6(bytes, 0) : text
  }
  return text
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (h === 'localhost') return true
  if (isIP(h) === 4) return h.startsWith('127.')
  if (isIP(h) === 6) return canonicalIp(h) === '::1'
  return false
}
