/** `<dataDir>/lab.json`: the lab's settings and last start configuration, written atomically. */
import { join } from 'node:path'
import { z } from 'zod'
import { aliasSettingsPatchSchema, upstreamModes, zoneDialectSchema } from '@shared/alias-server'
import { resolverTargetSchema } from '@shared/dns'
import { geoFileSchema } from '@shared/geo'
import { labAxfrModes, labDnssecChoiceSchema } from '@shared/lab'
import { parseResolver } from '../resolvers/parse-resolver'
import { jsonStore } from '../storage/json-store'
import { salvageFields } from '../storage/salvage'

const ttlSchema = z.number().int().min(0).max(86_400)
/** Files written before lab:start took a ResolverTarget kept the text typed: read as a target (null if it no longer parses). */
const legacyResolverText = z.string().max(2048).transform((text) => {
  try {
    return parseResolver(text)
  } catch {
    return null
  }
})
const targetSetSchema = z.object({ a: z.array(z.ipv4()).max(64), aaaa: z.array(z.ipv6()).max(64) })

export const labFileSchema = z.object({
  version: z.literal(1),
  /** Only the settings the user changed; defaults fill the rest (so new defaults reach old files). */
  settings: aliasSettingsPatchSchema.default({}),
  upstreamMode: z.enum(upstreamModes).default('simulated'),
  upstreamResolver: z.union([resolverTargetSchema, legacyResolverText]).nullable().default(null),
  authoritativePort: z.number().int().min(1).max(65535).nullable().default(null),
  /** The port the user chose last (null: any free port). */
  port: z.number().int().min(1).max(65535).nullable().default(null),
  /** The zone the lab serves, as saved under zones/ (null: the demo zone). */
  zoneOrigin: z.string().max(1100).nullable().default(null),
  /** How the zone text is written: bind (ALIAS/ANAME), route53-text or cloudflare. */
  dialect: zoneDialectSchema.default('bind'),
  /** The simulated target's last hand-set addresses. */
  target: z
    .object({ a: z.array(z.ipv4()).max(64), aaaa: z.array(z.ipv6()).max(64), ttl: ttlSchema })
    .nullable()
    .default(null),
  /** Whether the server ran when the app last stopped: it starts again on the next launch. */
  running: z.boolean().default(false),
  /** The target sets as the user left them, and which of them is served (null: none of them). */
  sets: z.array(targetSetSchema).max(8).nullable().default(null),
  serving: z.number().int().min(0).max(7).nullable().default(null),
  /** The running rotation, started again with the server. */
  rotation: z.object({ everySeconds: z.number().min(0.1).max(86_400), sets: z.array(targetSetSchema.extend({ ttl: ttlSchema.optional() })).min(1).max(64) }).nullable().default(null),
  // Fields added after version 1 shipped: an older file gets their defaults (unsigned, raw, no geo, no AliasMode).
  /** Online signing for the next start (null: unsigned). */
  dnssec: labDnssecChoiceSchema.nullable().default(null),
  axfr: z.enum(labAxfrModes).default('raw'),
  /** The geo CDN the user edited (null: none). */
  geo: geoFileSchema.nullable().default(null),
  /** Serve `@ HTTPS 0 target.` beside the apex ALIAS. */
  httpsAlias: z.boolean().default(false)
})
export type LabFile = z.output<typeof labFileSchema>

const emptyLabFile = (): LabFile => labFileSchema.parse({ version: 1 })

export interface LoadedLabFile {
  file: LabFile
  warning?: string
}

function salvage(text: string): { value: LabFile; kept: boolean; summary: string } {
  const { version: _version, ...fields } = labFileSchema.shape
  const kept = salvageFields(text, fields)
  const names = Object.keys(kept)
  const summary = names.length > 0 ? `recovered: ${names.join(', ')}; defaults for the rest` : 'defaults apply'
  return { value: labFileSchema.parse({ ...kept, version: 1 }), kept: names.length > 0, summary }
}

export class LabFileStore {
  private readonly file
  readonly path: string
  constructor(dataDir: string) {
    this.file = jsonStore({ path: join(dataDir, 'lab.json'), schema: labFileSchema, empty: emptyLabFile, salvage })
    this.path = this.file.path
  }

  async load(): Promise<LoadedLabFile> {
    const result = await this.file.load()
    const file = result.value
    if (result.status === 'stuck') return { file, warning: `The lab settings (${this.path}) could not be used: ${result.reason}. Defaults apply.` }
    if (result.status !== 'salvaged') return { file }
    return { file, warning: `The lab settings (${this.path}) could not be used: ${result.reason}; it was moved to ${result.movedTo}. ${result.summary}.` }
  }

  /** Writes are queued so that the file always holds the last state handed in. */
  save(file: LabFile): Promise<void> {
    return this.file.write(file)
  }
}
