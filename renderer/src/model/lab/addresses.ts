/** IPv4 dotted quad, no leading zeros. */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

export function isIpv4(text: string): boolean {
  return IPV4.test(text)
}

/** IPv6 in any RFC 4291 text form (with an embedded IPv4 tail allowed), no zone index. */
export function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return false
  let body = text
  let groupsNeeded = 8
  const lastColon = body.lastIndexOf(':')
  const tail = body.slice(lastColon + 1)
  if (tail.includes('.')) {
    if (!isIpv4(tail)) return false
    body = body.slice(0, lastColon + 1) + '0:0'
    groupsNeeded = 8
  }
  const halves = body.split('::')
  if (halves.length > 2) return false
  const groups = (s: string) => (s === '' ? [] : s.split(':'))
  const left = groups(halves[0]!)
  const right = halves.length === 2 ? groups(halves[1]!) : []
  const all = [...left, ...right]
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false
  return halves.length === 2 ? all.length < groupsNeeded : all.length === groupsNeeded
}

export interface ParsedAddresses {
  addresses: string[]
  /** Entries that are not addresses of the family. */
  invalid: string[]
}

/** A list typed by a person: separated by spaces, commas or new lines; duplicates dropped. Pure. */
export function parseAddressList(text: string, family: 'A' | 'AAAA'): ParsedAddresses {
  const check = family === 'A' ? isIpv4 : isIpv6
  const addresses: string[] = []
  const invalid: string[] = []
  for (const item of text.split(/[\s,;]+/).filter(Boolean)) {
    if (!check(item)) invalid.push(item)
    else if (!addresses.includes(item.toLowerCase())) addresses.push(item.toLowerCase())
  }
  return { addresses, invalid }
}

/** A second set for a rotation, from the first: each address's last number plus one (192.0.2.10 → 192.0.2.11). */
export function nextAddresses(addresses: readonly string[], family: 'A' | 'AAAA'): string[] {
  return addresses.map((address) => {
    if (family === 'A') {
      const parts = address.split('.')
      parts[3] = String((Number(parts[3]) + 1) % 256)
      return parts.join('.')
    }
    const match = /^(.*:)([0-9a-f]{1,4})$/i.exec(address)
    if (!match) return address
    return `${match[1]}${((parseInt(match[2]!, 16) + 1) % 0x10000).toString(16)}`
  })
}
