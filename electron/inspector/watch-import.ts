import { z } from 'zod'
import { watchSampleSchema, watchSessionSchema, type WatchSample, type WatchSession } from '@shared/inspector'
import { describeIssues, ServiceError } from '@shared/errors'

/** What `watchJson` writes; the analysis is recomputed on import, so it is not read. */
const exportSchema = z.object({
  format: z.literal('alias-inspector-watch'),
  version: z.literal(1),
  session: watchSessionSchema,
  samples: z.array(watchSampleSchema).max(1_000_000)
})

export interface ParsedWatchExport {
  session: WatchSession
  samples: WatchSample[]
}

/** Exports written before the authoritative viewpoint have resolver samples only, as the store assumes for old rows. */
function withDefaults(raw: object): object {
  const samples = (raw as { samples?: unknown }).samples
  if (!Array.isArray(samples)) return raw
  return {
    ...raw,
    samples: samples.map((sample: unknown) =>
      typeof sample === 'object' && sample !== null && !('viewpoint' in sample) ? { ...sample, viewpoint: 'resolver' } : sample
    )
  }
}

/** Reads a watch export (JSON, format version 1); a file that is not one is refused with what is wrong. */
export function parseWatchExport(text: string, name = 'the file'): ParsedWatchExport {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new ServiceError('bad-input', `${name} is not valid JSON: ${(error as Error).message.slice(0, 200)}`)
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'alias-inspector-watch') {
    throw new ServiceError('bad-input', `${name} is JSON but not an ALIAS Inspector watch export (no "format": "alias-inspector-watch")`)
  }
  const parsed = exportSchema.safeParse(withDefaults(raw))
  if (!parsed.success) throw new ServiceError('bad-input', `${name} is not a usable watch export: ${describeIssues(parsed.error.issues)}`.slice(0, 2000))
  const { session, samples } = parsed.data
  const resolvers = session.resolvers.length
  const stray = samples.find((s) => s.viewpoint === 'resolver' && s.resolverIndex >= resolvers)
  if (stray) throw new ServiceError('bad-input', `${name}: sample ${stray.seq} names resolver ${stray.resolverIndex}, but the session has ${resolvers}`)
  const seen = new Set<number>()
  for (const sample of samples) {
    if (seen.has(sample.seq)) throw new ServiceError('bad-input', `${name}: sample number ${sample.seq} appears twice`)
    seen.add(sample.seq)
  }
  return { session, samples }
}
