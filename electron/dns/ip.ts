import { isIP } from 'node:net'
import { formatIPv6, parseIPv4 as parseIPv4Bytes, parseIPv6 as parseIPv6Bytes } from '@shared/ip-text'

export function parseIPv4(text: string): Buffer | undefined {
  const bytes = parseIPv4Bytes(text)
  return bytes ? Buffer.from(bytes) : undefined
}

/** As node's isIP, accepts a zone id ('fe80::1%eth0'): the bytes are those of the address before it. */
export function parseIPv6(text: string): Buffer | undefined {
  if (isIP(text) !== 6) return undefined
  const bytes = parseIPv6Bytes(text.slice(0, text.includes('%') ? text.indexOf('%') : undefined))
  return bytes ? Buffer.from(bytes) : undefined
}

/** Canonical text form of an IP literal (so '0:0::1' and '::1' compare equal); other strings unchanged. */
export function canonicalIp(text: string): string {
  const family = isIP(text)
  if (family === 6) {
    const bytes = parseIPv6(text)
    return bytes ? formatIPv6(bytes) : text
  }
  return text
}
