import { z } from 'zod'

/**
 * Zone-file dialects the server and the lab read (ids shared with the converter's formats): `bind` (ALIAS and
 * ANAME), `route53-text` (`A ALIAS`, cli53's `AWS ALIAS`; an alias per address family), `cloudflare` (a
 * CNAME at the apex, or tagged cf-flatten-cname, is flattened).
 */
export const zoneDialects = ['bind', 'route53-text', 'cloudflare'] as const
export type ZoneDialect = (typeof zoneDialects)[number]
export const zoneDialectSchema = z.enum(zoneDialects)

/** Online DNSSEC signing of the server's zones (`--dnssec`). */
export const dnssecAlgorithms = ['ecdsap256sha256', 'ed25519'] as const
export const dnssecDenials = ['nsec', 'nsec3'] as const
export const dnssecConfigSchema = z.strictObject({
  /** Where each zone's key is kept (created on first start, reused after). */
  keyDir: z.string().min(1).max(4096),
  algorithm: z.enum(dnssecAlgorithms).default('ecdsap256sha256'),
  /** nsec: minimally covering NSEC (RFC 4470); nsec3: white lies, 0 iterations, no salt (RFC 9276). */
  denial: z.enum(dnssecDenials).default('nsec')
})
export type DnssecConfig = z.input<typeof dnssecConfigSchema>

/** A signed zone's key as shown to the user: the DS for the parent and the DNSKEY for trust anchors. */
export const dnssecZoneInfoSchema = z.object({
  zone: z.string().max(1100),
  algorithm: z.enum(dnssecAlgorithms),
  keyTag: z.number().int().min(0).max(65535),
  ds: z.string().max(2000),
  dnskey: z.string().max(2000)
})
export type DnssecZoneInfo = z.infer<typeof dnssecZoneInfoSchema>
