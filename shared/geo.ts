/**
 * The geography of a simulated CDN (`alias-server --geo FILE`, and the lab): per target name, a
 * default address set and regions that map client prefixes to their own sets.
 */
import { z } from 'zod'
import { parseIPv4, parseIPv6 } from './ip-text'

export interface ParsedPrefix {
  family: 4 | 6
  bytes: Uint8Array
  length: number
}

/** '203.0.113.0/24' or '2001:db8:1::/48' → bytes and length; null when malformed. */
export function parsePrefix(text: string): ParsedPrefix | null {
  const slash = text.indexOf('/')
  if (slash < 0) return null
  const address = text.slice(0, slash)
  const lengthText = text.slice(slash + 1)
  if (!/^\d{1,3}$/.test(lengthText)) return null
  const length = Number(lengthText)
  const v4 = parseIPv4(address)
  if (v4) return length <= 32 ? { family: 4, bytes: v4, length } : null
  const v6 = parseIPv6(address)
  if (v6) return length <= 128 ? { family: 6, bytes: v6, length } : null
  return null
}

const ipv4 = z.string().refine((s) => parseIPv4(s) !== null, { message: 'is not an IPv4 address' })
const ipv6 = z.string().refine((s) => parseIPv6(s) !== null, { message: 'is not an IPv6 address' })
const prefix = z.string().refine((s) => parsePrefix(s) !== null, { message: 'is not a prefix such as 203.0.113.0/24 or 2001:db8::/32' })
const NAME = /^([a-z0-9_-]([a-z0-9_-]{0,61}[a-z0-9_-])?\.)+$/i

const geoAddressesSchema = z.object({ A: z.array(ipv4).max(64).optional(), AAAA: z.array(ipv6).max(64).optional() }).strict()

export const geoRegionSchema = geoAddressesSchema
  .extend({ name: z.string().min(1).max(63), prefix })
  .strict()

export const geoTargetSchema = z
  .object({ ttl: z.number().int().min(0).max(86400).default(30), default: geoAddressesSchema, regions: z.array(geoRegionSchema).max(256).default([]) })
  .strict()

export const geoFileSchema = z
  .object({
    targets: z.record(z.string(), geoTargetSchema).superRefine((targets, ctx) => {
      const names = Object.keys(targets)
      if (names.length === 0) ctx.addIssue({ code: 'custom', message: 'name at least one target' })
      for (const name of names) {
        if (name.length > 254 || !NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not an absolute name (it ends with a dot, e.g. "cdn.example.test.")` })
      }
    })
  })
  .strict()

export type GeoFile = z.output<typeof geoFileSchema>
export type GeoTarget = z.output<typeof geoTargetSchema>
export type GeoRegion = z.output<typeof geoRegionSchema>

/** What the geo CDN answered for one client: which region (or 'default'), and the ECS scope it used. */
export interface GeoChoice {
  region: string
  addresses: string[]
  ttl: number
  /** RFC 7871 SCOPE PREFIX-LENGTH: the region's prefix length; for the default set, the client's own. */
  scope: number
}
