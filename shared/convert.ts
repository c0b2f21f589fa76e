import { z } from 'zod'

/** The contract of the converter (electron/convert): format ids, conversion, detection, the lock-in report. */

export const formatIds = [
  'bind',
  'route53-text',
  'aname',
  'cloudflare',
  'route53',
  'dnscontrol',
  'octodns',
  'terraform-route53',
  'terraform-cloudflare',
  'flat'
] as const
export const readableFormatIds = ['bind', 'route53-text', 'aname', 'cloudflare', 'route53', 'dnscontrol', 'octodns'] as const

/** File name suffix of each format, for downloads. */
export const formatExtensions: Record<(typeof formatIds)[number], string> = {
  bind: 'zone',
  'route53-text': 'zone',
  aname: 'zone',
  cloudflare: 'txt',
  route53: 'json',
  dnscontrol: 'js',
  octodns: 'yaml',
  'terraform-route53': 'tf',
  'terraform-cloudflare': 'tf',
  flat: 'zone'
}

const CONVERT_MAX_CHARS = 4 * 1024 * 1024
const textSchema = z.string().max(CONVERT_MAX_CHARS, 'the input is too large (4 MiB at most)')
const originSchema = z.string().trim().max(300).optional()

export const convertDetectInputSchema = z.strictObject({ text: textSchema })
export const convertDetectResultSchema = z.object({ format: z.enum(readableFormatIds), because: z.string().max(200) })

export const convertRunInputSchema = z.strictObject({
  text: textSchema,
  from: z.enum(readableFormatIds),
  to: z.enum(formatIds),
  origin: originSchema,
  /** Needed to flatten: an IP, IP:port or a tls:// / https:// resolver. */
  resolver: z.string().trim().min(1).max(2048).optional()
})

const problemSchema = z.object({ line: z.number().int().min(0), column: z.number().int().min(0), message: z.string().max(4000) })
export const convertWarningSchema = z.object({
  record: z.string().max(1200),
  message: z.string().max(4000),
  line: z.number().int().min(0),
  column: z.number().int().min(0)
})
export type ConvertWarningView = z.infer<typeof convertWarningSchema>

export const convertRunResultSchema = z.object({
  /** Empty when the conversion stopped; then `errors` says where. */
  text: z.string(),
  origin: z.string().max(300),
  warnings: z.array(convertWarningSchema).max(10_000),
  summary: z.array(z.string().max(2000)).max(1000),
  errors: z.array(problemSchema).max(101)
})
export type ConvertRunResult = z.infer<typeof convertRunResultSchema>

export const convertReportInputSchema = z.strictObject({ text: textSchema, from: z.enum(readableFormatIds), origin: originSchema })
const lockInRowSchema = z.object({
  target: z.string().max(40),
  provider: z.string().max(100),
  status: z.enum(['as-is', 'flatten', 'cannot']),
  reasons: z.array(z.object({ record: z.string().max(1200), line: z.number().int(), reason: z.string().max(4000), source: z.string().max(500).optional() })).max(10_000)
})
export const convertReportResultSchema = z.object({ origin: z.string().max(300), rows: z.array(lockInRowSchema).max(20), errors: z.array(problemSchema).max(101) })
export type ConvertReportResult = z.infer<typeof convertReportResultSchema>
