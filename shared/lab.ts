import { z } from 'zod'
import {
  aliasCountersSchema,
  aliasSettingsPatchSchema,
  aliasSettingsSchema,
  dnssecAlgorithms,
  dnssecDenials,
  dnssecZoneInfoSchema,
  simulatedRotateInputSchema,
  simulatedTargetChangeSchema,
  simulatedTargetStateSchema,
  targetFailureSchema,
  upstreamModes,
  zoneDialectSchema
} from './alias-server'
import { dnsRecordSchema, resolverTargetSchema } from './dns'
import { geoFileSchema } from './geo'
import { profileIdSchema } from './providers'

/**
 * The contract of the lab (electron/lab): the embedded ALIAS test server's lifecycle, its zone, its
 * simulated target and its settings. The server always listens on 127.0.0.1.
 */

/** A port number; which ports the lab may use is the lab's rule (electron/lab/lab-ports.ts), told in its error. */
const portSchema = z.number().int()

/**
 * The upstream resolver: a `ResolverTarget`, or the id of an entry of `resolvers:list` (a preset or a saved one).
 * Text in the `--resolver` form (`IP[:port]`, `tls://…`), the field's older form, is still read as a resolver.
 */
export const labUpstreamResolverSchema = z.union([
  resolverTargetSchema,
  z.string().trim().min(1, 'the upstream resolver is empty').max(2048, 'the upstream resolver is too long')
])
export type LabUpstreamResolver = z.infer<typeof labUpstreamResolverSchema>

export const labDnssecChoiceSchema = z.strictObject({ algorithm: z.enum(dnssecAlgorithms), denial: z.enum(dnssecDenials) })
export const labAxfrModes = ['raw', 'expanded'] as const

/** The lab's HTTPS AliasMode option: `@ HTTPS 0 target.` served beside the apex ALIAS. */
export const labHttpsAliasSchema = z.object({
  enabled: z.boolean(),
  /** The record served, e.g. 'example.test. 60 IN HTTPS 0 cdn.example.test.' (null: off, or nothing to add). */
  record: z.string().max(1200).nullable(),
  /** Why nothing is served although it is on (no ALIAS at the apex, an HTTPS RRset already there). */
  problem: z.string().max(500).nullable()
})
export type LabHttpsAlias = z.infer<typeof labHttpsAliasSchema>

export const labSetHttpsAliasInputSchema = z.strictObject({ enabled: z.boolean() })
/** lab:setGeo: the lab's geo CDN (same format as `--geo FILE`); null: none. Saved, and swapped live while running. */
export const labSetGeoInputSchema = z.strictObject({ geo: geoFileSchema.nullable() })

export const labStartInputSchema = z.strictObject({
  /** UDP and TCP port on 127.0.0.1; 0 or absent: the last port chosen explicitly, else any free port. */
  port: portSchema.optional(),
  upstreamMode: z.enum(upstreamModes),
  /** Required for 'recursive' (the resolver) and 'authoritative' (the bootstrap resolver). */
  upstreamResolver: labUpstreamResolverSchema.optional(),
  /** 'authoritative' only: the port the target's name servers listen on (53; tests use another). */
  authoritativePort: portSchema.optional(),
  /** Changes to the saved settings, applied and saved before the start. */
  settings: aliasSettingsPatchSchema.optional(),
  /** Sign the zone online (keys kept in the app's data folder); null: unsigned; absent: the choice saved in lab.json. */
  dnssec: labDnssecChoiceSchema.nullable().optional(),
  /** Zone transfers from the lab server (loopback only): raw or expanded; absent: the saved choice (raw at first). */
  axfr: z.enum(labAxfrModes).optional()
})
export type LabStartInput = z.input<typeof labStartInputSchema>

export const labStatusSchema = z.object({
  running: z.boolean(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  /** The running server's upstream mode, or the last one used while stopped. */
  upstreamMode: z.enum(upstreamModes),
  /** The resolver the running server asks (or the last one used while stopped), as text (`127.0.0.1:5353`, `tls://…`). */
  upstreamResolver: z.string().nullable(),
  /** The same resolver as a target (what `lab:start` takes back). */
  upstreamTarget: resolverTargetSchema.nullable(),
  settings: aliasSettingsSchema,
  counters: aliasCountersSchema.nullable(),
  /** The zone the lab serves: its origin and whether it is the built-in demo (nothing saved yet). */
  zone: z.object({ origin: z.string(), demo: z.boolean(), dialect: zoneDialectSchema.optional() }),
  target: simulatedTargetStateSchema.nullable(),
  /** Problems while loading lab.json or the zone (e.g. a corrupt file moved aside). */
  warnings: z.array(z.string().max(4000)).max(20),
  /** The simulated target's address sets as the user left them (null: never saved), and the one served. */
  sets: z.array(z.object({ a: z.array(z.string()), aaaa: z.array(z.string()) })).max(8).nullable(),
  serving: z.number().int().min(0).nullable(),
  /** The running server's signed zones (empty: unsigned or stopped). */
  dnssec: z.array(dnssecZoneInfoSchema).max(16).optional(),
  /** The saved DNSSEC and AXFR choice (the next start's, and the running server's). */
  dnssecChoice: labDnssecChoiceSchema.nullable().optional(),
  axfr: z.enum(labAxfrModes).optional(),
  /** The geo CDN (regions by client subnet) the lab serves; null: none. */
  geo: geoFileSchema.nullable().optional(),
  httpsAlias: labHttpsAliasSchema.optional()
})
export type LabStatus = z.infer<typeof labStatusSchema>

export const zoneProblemSchema = z.object({
  line: z.number().int().min(0),
  column: z.number().int().min(0),
  message: z.string().max(2000)
})
export type ZoneProblem = z.infer<typeof zoneProblemSchema>

export const labZoneSchema = z.object({
  origin: z.string(),
  text: z.string(),
  /** True when nothing has been saved yet and this is the built-in demo zone. */
  demo: z.boolean(),
  /** Where the zone is (or will be) saved. */
  path: z.string(),
  errors: z.array(zoneProblemSchema).max(101),
  /** How the text is written (persisted in lab.json): bind, route53-text or cloudflare. */
  dialect: zoneDialectSchema
})
export type LabZone = z.infer<typeof labZoneSchema>

export const LAB_ZONE_MAX_CHARS = 4 * 1024 * 1024

export const labSaveZoneInputSchema = z.strictObject({
  text: z.string().max(LAB_ZONE_MAX_CHARS, 'the zone is too large for the lab (4 MiB at most)'),
  /** Read the text as this dialect and keep it for later loads (absent: the saved dialect). */
  dialect: zoneDialectSchema.optional()
})
export const labSaveZoneResultSchema = z.object({
  origin: z.string(),
  path: z.string(),
  records: z.number().int().min(0),
  /** Whether a running server now serves the new zone. */
  reloaded: z.boolean()
})

export const labSetTargetInputSchema = z.strictObject({
  a: z.array(z.ipv4()).max(64),
  aaaa: z.array(z.ipv6()).max(64),
  ttl: z.number().int().min(0).max(86_400)
})
export type LabSetTargetInput = z.input<typeof labSetTargetInputSchema>

export const labRotateTargetInputSchema = z.union([
  simulatedRotateInputSchema,
  z.strictObject({ stop: z.literal(true) })
])
export type LabRotateTargetInput = z.input<typeof labRotateTargetInputSchema>

export const labTargetEventSchema = simulatedTargetChangeSchema.extend({
  /** Owner of the simulated target, e.g. 'cdn.example.test.'. */
  name: z.string().max(1100)
})
export type LabTargetEvent = z.infer<typeof labTargetEventSchema>

export const labCountersEventSchema = aliasCountersSchema

export const labUpdateSettingsInputSchema = aliasSettingsPatchSchema

/** The target sets the lab panel edits: saved at once; a change to the serving set is served at once. */
export const labSaveSetsInputSchema = z.strictObject({
  sets: z.array(z.strictObject({ a: z.array(z.ipv4()).max(64), aaaa: z.array(z.ipv6()).max(64) })).min(1).max(8),
  /** Index of the set served now; null: none of them. */
  serving: z.number().int().min(0).max(7).nullable(),
  /** The target TTL; while the server runs, a change is served at once. */
  ttl: z.number().int().min(0).max(86_400)
})
export type LabSaveSetsInput = z.input<typeof labSaveSetsInputSchema>

// ---- compare providers side by side ----

const compareSetSchema = z.strictObject({ a: z.array(z.ipv4()).max(16), aaaa: z.array(z.ipv6()).max(16) })

/** One step of the shared target schedule: new addresses and/or a failure state, at a second of the run. */
const compareStepSchema = z.strictObject({
  atSeconds: z.number().min(0).max(3600),
  set: compareSetSchema.optional(),
  failure: targetFailureSchema.optional()
})

export const labCompareInputSchema = z.strictObject({
  profiles: z.array(profileIdSchema).min(2).max(10),
  /** The simulated target's TTL for the whole run. */
  targetTtl: z.number().int().min(1).max(3600).default(20),
  initial: compareSetSchema.default({ a: ['192.0.2.10'], aaaa: ['2001:db8::10'] }),
  schedule: z.array(compareStepSchema).max(50),
  durationSeconds: z.number().int().min(5).max(1800)
})
export type LabCompareInput = z.input<typeof labCompareInputSchema>

/** What a client behind a caching resolver got from one profile's apex at one second of the run. */
export const compareSampleSchema = z.object({
  t: z.number().min(0),
  profile: profileIdSchema,
  /** 'ok': the target's current addresses; 'old': addresses the target no longer has; 'empty': NOERROR without addresses. */
  outcome: z.enum(['ok', 'old', 'empty', 'servfail', 'timeout']),
  addresses: z.array(z.string()).max(32),
  /** TTL left in the client's resolver cache (null: nothing cached). */
  ttl: z.number().int().min(0).nullable(),
  fromCache: z.boolean()
})
export type CompareSample = z.infer<typeof compareSampleSchema>

export const labCompareRunSchema = z.object({
  running: z.boolean(),
  startedAt: z.number(),
  input: z.object({ profiles: z.array(profileIdSchema), durationSeconds: z.number(), targetTtl: z.number() }),
  /** Schedule steps as applied, seconds after the start. */
  steps: z.array(z.object({ t: z.number(), text: z.string().max(300) })).max(50),
  samples: z.array(compareSampleSchema).max(20_000),
  /** Per profile: seconds from each address change until its clients saw the new set (null: never in the run). */
  lags: z.array(z.object({ profile: profileIdSchema, lags: z.array(z.number().nullable()).max(50) })).max(10)
})
export type LabCompareRun = z.infer<typeof labCompareRunSchema>

/** lab:transfer: an AXFR of a zone from the running lab server over TCP on loopback, as a secondary would ask. */
export const labTransferInputSchema = z.strictObject({ zone: z.string().trim().min(1).max(255) })

export const LAB_TRANSFER_MAX_RECORDS = 10_000
export const labTransferResultSchema = z.object({
  /** 'NOERROR', or the refusal ('REFUSED' for a signed zone, 'SERVFAIL' for an expanded target that fails). */
  rcode: z.string().max(16),
  /** The transfer's records in order, SOA first and last; empty when refused. */
  records: z.array(dnsRecordSchema).max(LAB_TRANSFER_MAX_RECORDS),
  /** The Extended DNS Error text of a refusal, if any. */
  reason: z.string().max(1000).nullable()
})
export type LabTransferResult = z.infer<typeof labTransferResultSchema>
