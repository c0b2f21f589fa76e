import { EDNS_OPTIONS } from '@shared/dns-codes'
import { randomBytes } from 'node:crypto'
import { isIP } from 'node:net'
import { ServiceError } from '@shared/errors'
import { parseIPv4, parseIPv6 } from './ip'

export interface EdnsOption {
  code: number
  data: Buffer
}

/** RFC 7871 option data from '192.0.2.0/24' or '2001:db8::/56'; host bits are cleared. */
export function clientSubnetOption(text: string): EdnsOption {
  const [addr = '', prefixText] = text.trim().split('/')
  const family = isIP(addr)
  if (family === 0) throw new ServiceError('bad-input', `client subnet "${text}": "${addr}" is not an IP address`)
  const max = family === 4 ? 32 : 128
  // Without a prefix, use the lengths RFC 7871 §11.1 recommends for privacy.
  const prefix = prefixText === undefined ? (family === 4 ? 24 : 56) : Number(prefixText)
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) {
    throw new ServiceError('bad-input', `client subnet "${text}": prefix length must be 0..${max}`)
  }
  const bytes = (family === 4 ? parseIPv4(addr) : parseIPv6(addr)) as Buffer
  const len = Math.ceil(prefix / 8)
  const data = Buffer.alloc(4 + len)
  data.writeUInt16BE(family === 4 ? 1 : 2, 0)
  data[2] = prefix
  data[3] = 0
  bytes.copy(data, 4, 0, len)
  if (prefix % 8) data[4 + len - 1] = (data[4 + len - 1] as number) & (0xff << (8 - (prefix % 8)))
  return { code: EDNS_OPTIONS.ECS, data }
}

export function newClientCookie(): Buffer {
  return randomBytes(8)
}

/**
 * Octets of padding data so the whole message (including the 4-octet option header) becomes a
 * multiple of `block` (RFC 8467 block-length padding, 128 for queries).
 */
export function paddingLength(unpaddedLength: number, block = 128): number {
  return (block - ((unpaddedLength + 4) % block)) % block
}
