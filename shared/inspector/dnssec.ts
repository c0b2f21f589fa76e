import { z } from 'zod'
import { textSchema } from './common'

// ---- DNSSEC of the apex (inspect with dnssec: true) ----

export const signatureInfoSchema = z.object({
  keyTag: z.number().int().min(0).max(65535),
  algorithm: z.number().int().min(0).max(255),
  signer: z.string().max(1100),
  /** Unix ms. */
  inception: z.number(),
  expiration: z.number(),
  originalTtl: z.number().int().min(0),
  /** 'unchecked': no trust anchor to check it against. */
  status: z.enum(['valid', 'bad-signature', 'expired', 'not-yet-valid', 'unchecked'])
})
export type SignatureInfo = z.infer<typeof signatureInfoSchema>

export const rrsetSignaturesSchema = z.object({
  records: z.number().int().min(0),
  signed: z.boolean(),
  signatures: z.array(signatureInfoSchema).max(16)
})
export type RrsetSignatures = z.infer<typeof rrsetSignaturesSchema>

export const apexDnssecSchema = z.object({
  /** The resolver's AD flag on the apex A answer (DO=1, CD=0). */
  ad: z.boolean(),
  rcode: z.string().max(16),
  a: rrsetSignaturesSchema,
  aaaa: rrsetSignaturesSchema,
  /** The inspector's own validation of apex A/AAAA from the trust anchor. */
  validation: z.enum(['secure', 'bogus', 'no-trust-anchor']),
  reason: textSchema,
  /** Whether the resolver's AD agrees with our validation (null without a verdict of ours). */
  agreesWithResolver: z.boolean().nullable()
})
export type ApexDnssec = z.infer<typeof apexDnssecSchema>
