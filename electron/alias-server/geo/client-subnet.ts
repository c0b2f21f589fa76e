/**
 * The client subnet a query speaks for: its EDNS Client Subnet option (RFC 7871) when present,
 * else the source address as a /32 or /128. Query bytes are hostile: anything malformed is ignored.
 */
import { EDNS_OPTIONS } from '@shared/dns-codes'
import { parsePrefix } from '@shared/geo'
import { formatIPv4, formatIPv6 } from '@shared/ip-text'

export interface ClientSubnet {
  /** e.g. '203.0.113.0/24'. */
  subnet: string
  family: 1 | 2
  address: string
  sourcePrefixLength: number
  /** True when it came from an ECS option. */
  ecs: boolean
}

/** ECS option data → subnet, bits past the source prefix cleared; null when malformed. */
export function readEcsData(data: Buffer): ClientSubnet | null {
  if (data.length < 4) return null
  const family = data.readUInt16BE(0)
  const source = data[2]!
  const size = family === 1 ? 4 : family === 2 ? 16 : 0
  if (size === 0 || source > size * 8 || data.length - 4 !== Math.ceil(source / 8)) return null
  const bytes = Buffer.alloc(size)
  data.copy(bytes, 0, 4)
  for (let bit = source; bit < size * 8; bit++) bytes[bit >> 3]! &= ~(0x80 >> (bit & 7))
  const address = size === 4 ? formatIPv4(bytes, 0) : formatIPv6(bytes, 0)
  return { subnet: `${address}/${source}`, family: family as 1 | 2, address, sourcePrefixLength: source, ecs: true }
}

export function fromSource(address: string): ClientSubnet {
  const v6 = address.includes(':')
  const plain = v6 && address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address
  const family = plain.includes(':') ? 2 : 1
  const length = family === 1 ? 32 : 128
  return { subnet: `${plain}/${length}`, family, address: plain, sourcePrefixLength: length, ecs: false }
}

/** The subnet of the first well-formed ECS option among the EDNS options at msg[start, end), else of the source. */
export function clientSubnetIn(msg: Buffer, start: number, end: number, sourceAddress: string): ClientSubnet {
  for (let o = start; o + 4 <= end; ) {
    const length = msg.readUInt16BE(o + 2)
    if (msg.readUInt16BE(o) === EDNS_OPTIONS.ECS && o + 4 + length <= end) {
      const ecs = readEcsData(msg.subarray(o + 4, o + 4 + length))
      if (ecs) return ecs
    }
    o += 4 + length
  }
  return fromSource(sourceAddress)
}

/** `subnet` cut to `length` bits (never longer than it was): '203.0.113.77/32', 24 → '203.0.113.0/24'. */
export function truncateSubnet(subnet: string, length: number): string {
  const p = parsePrefix(subnet)
  if (!p) return subnet
  const keep = Math.min(length, p.length)
  const bytes = Buffer.from(p.bytes)
  for (let bit = keep; bit < bytes.length * 8; bit++) bytes[bit >> 3]! &= ~(0x80 >> (bit & 7))
  return `${p.family === 4 ? formatIPv4(bytes, 0) : formatIPv6(bytes, 0)}/${keep}`
}
