import { z } from 'zod'
import { errorCodes } from './result'

/**
 * The contract of the DNS query engine (electron/dns). Request types are the *input* side of the
 * schemas (defaults may be omitted); the engine parses them, so callers never fill defaults.
 */

export const transports = ['udp', 'tcp', 'dot', 'doh'] as const
export type DnsTransport = (typeof transports)[number]

const hostSchema = z.string().trim().min(1, 'host must not be empty').max(255, 'host is too long')
const portSchema = z.number().int().min(1).max(65535)

export const resolverTargetSchema = z.strictObject({
  transport: z.enum(transports),
  /** IP literal (IPv6 without brackets) or host name. For DoH, the address to dial. */
  host: hostSchema,
  port: portSchema,
  /** DoH only: the full URL, e.g. https://dns.example/dns-query. `http://` only for loopback. */
  url: z.string().min(1).max(2048).optional(),
  /** DoT/DoH: the TLS server name (SNI and certificate check); defaults to host when it is a name. */
  tlsServerName: z.string().min(1).max(255).optional(),
  dohMethod: z.enum(['POST', 'GET']).optional(),
  label: z.string().max(200).optional()
})
export type ResolverTarget = z.infer<typeof resolverTargetSchema>

export const queryOptionsSchema = z.strictObject({
  rd: z.boolean().default(true),
  cd: z.boolean().default(false),
  ad: z.boolean().default(false),
  edns: z.boolean().default(true),
  udpSize: z.number().int().min(512).max(65535).default(1232),
  /** The EDNS DO bit. */
  dnssecOk: z.boolean().default(false),
  nsid: z.boolean().default(false),
  /** Send an RFC 7873 client cookie (8 random bytes). */
  cookie: z.boolean().default(false),
  /** RFC 7871 client subnet, e.g. '192.0.2.0/24' or '2001:db8::/56'. */
  clientSubnet: z.string().min(3).max(64).optional(),
  /** RFC 7830/8467 padding to a 128-octet block. Unset: on for dot/doh, off for udp/tcp. */
  padding: z.boolean().optional(),
  /** DNS 0x20: randomise the case of the query name. */
  randomCase: z.boolean().default(false),
  /** UDP only: retry over TCP when the response has TC set. */
  tcpFallback: z.boolean().default(true),
  /** Per attempt. */
  timeoutMs: z.number().int().min(1).max(60_000).default(3000),
  /** Whole query, all attempts and the TCP fallback included. */
  deadlineMs: z.number().int().min(1).max(120_000).default(10_000),
  /** UDP only: extra attempts after a timeout. */
  retries: z.number().int().min(0).max(10).default(1)
})
/** Options as the engine sees them, defaults filled. */
export type QueryOptions = z.output<typeof queryOptionsSchema>
/** Options as a caller writes them. */
export type QueryOptionsInput = z.input<typeof queryOptionsSchema>

/** Name as typed by the user (IDN allowed); the engine validates and converts it. */
const queryNameSchema = z.string().max(1024, 'name must be at most 1024 characters')
/** A type mnemonic ('A', 'HTTPS', 'TYPE65534') or its number. */
const queryTypeSchema = z.union([
  z.string().trim().min(1).max(16),
  z.number().int().min(0).max(65535)
])

export const dnsQueryRequestSchema = z.strictObject({
  name: queryNameSchema,
  type: queryTypeSchema,
  resolver: resolverTargetSchema,
  options: queryOptionsSchema.prefault({})
})
export type DnsQueryRequest = z.input<typeof dnsQueryRequestSchema>

export const dnsQueryManyRequestSchema = z.strictObject({
  name: queryNameSchema,
  type: queryTypeSchema,
  resolvers: z.array(resolverTargetSchema).min(1).max(32),
  options: queryOptionsSchema.prefault({})
})
export type DnsQueryManyRequest = z.input<typeof dnsQueryManyRequestSchema>

// ---- results ----

const MAX_RECORDS = 10_000
const hexSchema = (max: number) => z.string().max(max)

export const dnsRecordSchema = z.object({
  /** Owner name, absolute, with a trailing dot ('.' for the root), A-labels as on the wire. */
  name: z.string().max(1100),
  /** Mnemonic: 'A', 'HTTPS', 'ALIAS' (65401), or 'TYPE65534' for unknown types. */
  type: z.string().max(16),
  typeCode: z.number().int().min(0).max(65535),
  /** 'IN', 'CH', ... or 'CLASS1234'. */
  class: z.string().max(16),
  ttl: z.number().int().min(0),
  /** RDATA in presentation format; unknown types as RFC 3597 `\# 4 C0000201` (upper case, as dig). */
  data: z.string().max(200_000),
  /** Structured fields when useful (e.g. SVCB priority/target/params, SOA serial ...). */
  fields: z.record(z.string(), z.unknown()).optional(),
  /** The RDATA in upper-case hex, names uncompressed (kdig's RDATAHEX): the exact form of `data`. */
  rdataHex: z.string().max(131070).optional()
})
export type DnsRecord = z.infer<typeof dnsRecordSchema>

const dnsFlagsSchema = z.object({
  qr: z.boolean(),
  aa: z.boolean(),
  tc: z.boolean(),
  rd: z.boolean(),
  ra: z.boolean(),
  ad: z.boolean(),
  cd: z.boolean()
})

export const edeSchema = z.object({
  code: z.number().int().min(0).max(65535),
  /** Registered name, e.g. 'Stale Answer', or 'Unassigned (N)' for unknown codes. */
  name: z.string().max(100),
  text: z.string().max(65535).optional()
})
export type ExtendedDnsError = z.infer<typeof edeSchema>

export const ednsInfoSchema = z.object({
  version: z.number().int().min(0).max(255),
  udpSize: z.number().int().min(0).max(65535),
  dnssecOk: z.boolean(),
  nsid: z.object({ hex: hexSchema(131070), text: z.string().max(65535) }).optional(),
  /** `good`: we sent a client cookie and the response echoed it (dig's "(good)"). */
  cookie: z.object({ client: hexSchema(16), server: hexSchema(64).optional(), good: z.boolean().optional() }).optional(),
  clientSubnet: z
    .object({
      /** e.g. '192.0.2.0/24' (source prefix length). */
      subnet: z.string().max(64),
      sourcePrefixLength: z.number().int().min(0).max(128),
      scopePrefixLength: z.number().int().min(0).max(128)
    })
    .optional(),
  /** Length in octets of the padding option, when present. */
  padding: z.number().int().min(0).optional(),
  ede: z.array(edeSchema).max(1000),
  /** Options the engine does not decode. */
  options: z
    .array(z.object({ code: z.number().int().min(0).max(65535), hex: hexSchema(131070) }))
    .max(1000)
})
export type EdnsInfo = z.infer<typeof ednsInfoSchema>

export const dnsQueryResultSchema = z.object({
  question: z.object({
    /** Absolute name as sent (0x20 case included), trailing dot. */
    name: z.string().max(1100),
    /** The same name in Unicode form (U-labels), trailing dot. */
    unicodeName: z.string().max(1100),
    type: z.string().max(16),
    typeCode: z.number().int().min(0).max(65535),
    class: z.string().max(16)
  }),
  header: z.object({
    id: z.number().int().min(0).max(65535),
    opcode: z.string().max(16),
    /** Name, e.g. 'NOERROR', 'NXDOMAIN', 'BADCOOKIE' (extended RCODE applied), or 'RCODE4000'. */
    rcode: z.string().max(16),
    rcodeCode: z.number().int().min(0).max(4095),
    flags: dnsFlagsSchema
  }),
  /** Present when the response carried an OPT record (which is not repeated in `additional`). */
  edns: ednsInfoSchema.optional(),
  answer: z.array(dnsRecordSchema).max(MAX_RECORDS),
  authority: z.array(dnsRecordSchema).max(MAX_RECORDS),
  additional: z.array(dnsRecordSchema).max(MAX_RECORDS),
  timing: z.object({
    /** TCP connect / TLS handshake / HTTP dial of the attempt that answered. */
    connectMs: z.number().min(0).optional(),
    /** Query sent → response received, of the attempt that answered. */
    exchangeMs: z.number().min(0),
    /** Whole query, all attempts included. */
    totalMs: z.number().min(0)
  }),
  /** The transport that produced this response ('tcp' after a TC fallback). */
  transport: z.enum(transports),
  server: z.object({
    host: z.string().max(255),
    port: portSchema,
    label: z.string().max(200).optional(),
    url: z.string().max(2048).optional()
  }),
  /** DoT/DoH connection details, when relevant. */
  tls: z
    .object({
      protocol: z.string().max(32).optional(),
      alpn: z.string().max(64).optional(),
      serverName: z.string().max(255).optional()
    })
    .optional(),
  http: z.object({ version: z.enum(['1.1', '2']), status: z.number().int(), method: z.enum(['POST', 'GET']) }).optional(),
  sizes: z.object({ query: z.number().int().min(0), response: z.number().int().min(0) }),
  raw: z.object({ query: hexSchema(131070), response: hexSchema(131070) }),
  truncatedRetried: z.boolean(),
  /** The first answer was BADCOOKIE and the query was sent again with the server cookie (RFC 7873 §5.3). */
  cookieRetried: z.boolean().optional(),
  /** Number of attempts sent (UDP retries and the TCP fallback included). */
  attempts: z.number().int().min(1),
  /** Packets that were received but rejected (wrong source, ID or question). */
  ignored: z.number().int().min(0),
  receivedAtWallMs: z.number(),
  receivedAtMonoMs: z.number()
})
export type DnsQueryResult = z.infer<typeof dnsQueryResultSchema>

const dnsQueryErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string().max(4000)
})

export const dnsQueryManyResultSchema = z
  .array(
    z.discriminatedUnion('ok', [
      z.object({ resolver: resolverTargetSchema, ok: z.literal(true), result: dnsQueryResultSchema }),
      z.object({ resolver: resolverTargetSchema, ok: z.literal(false), error: dnsQueryErrorSchema })
    ])
  )
  .max(32)
export type DnsQueryManyResult = z.infer<typeof dnsQueryManyResultSchema>
export type DnsQueryManyItem = DnsQueryManyResult[number]
