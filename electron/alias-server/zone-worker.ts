/**
 * Worker thread: reads (optionally), parses, checks and compacts one zone, so that a big zone never
 * stalls the thread that answers DNS, IPC and the window. Posts `ZoneWorkerReply` once and exits.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readRegularFileBytes } from '../storage/bounded-read'
import { parseDialectZone, zoneProblems } from './dialect-zone'
import { compactZone, transferList, type CompactZoneData } from './compact-zone'
import { byteCompactZone } from './zone-byte-path'
import type { ZoneAliasRecord, ZoneWorkerReply, ZoneWorkerRequest } from './zone-loader'
import { CompiledZone } from './zone-set'

const MAX_ERRORS = 100
const MAX_ALIASES = 10_000

async function run(request: ZoneWorkerRequest): Promise<ZoneWorkerReply> {
  const bytes = request.path !== undefined ? await readRegularFileBytes(request.path, request.maxBytes) : undefined
  if (request.text !== undefined && request.text.length > request.maxBytes) return { ok: false, errors: [{ line: 1, column: 1, message: `the zone is ${request.text.length} characters; at most ${request.maxBytes} are accepted` }] }
  const options = request.origin ? { origin: request.origin } : {}
  // The common case straight from the octets into the compact form; anything else (and every error) through the full parser.
  const byBytes = (request.dialect ?? 'bind') === 'bind' ? byteCompactZone(bytes ?? Buffer.from(request.text!, 'utf8'), options) : undefined
  if (byBytes) return checked(byBytes.data, byBytes.records, byBytes.aliases.slice(0, MAX_ALIASES), request.returnText ? (request.text ?? bytes!.toString('utf8')) : undefined)
  const text = request.text ?? bytes!.toString('utf8')
  const parsed = parseDialectZone(text, request.dialect ?? 'bind', { ...options, maxErrors: MAX_ERRORS, flattenAllCnames: request.flattenAllCnames === true })
  if (parsed.errors.length > 0 || !parsed.zone) return { ok: false, errors: zoneProblems(parsed.errors) }
  const aliases = parsed.zone.records
    .filter((r) => r.type === 'ALIAS' || r.type === 'ANAME')
    .slice(0, MAX_ALIASES)
    .map((r) => ({ name: r.name, target: r.rdata[0] ?? '', line: r.line }))
  return checked(compactZone(parsed.zone), parsed.zone.records.length, aliases, request.returnText ? text : undefined)
}

function checked(data: CompactZoneData, records: number, aliases: ZoneAliasRecord[], text: string | undefined): ZoneWorkerReply {
  try {
    // What the server checks when it takes the zone (a SOA at the apex), so errors show before serving.
    new CompiledZone(data)
  } catch (error) {
    return { ok: false, errors: [{ line: 1, column: 1, message: error instanceof Error ? error.message : String(error) }] }
  }
  return { ok: true, data, records, aliases, ...(text !== undefined ? { text } : {}) }
}

run(workerData as ZoneWorkerRequest).then(
  (reply) => parentPort!.postMessage(reply, reply.ok ? transferList(reply.data) : []),
  (error: unknown) => parentPort!.postMessage({ ok: false, fatal: error instanceof Error ? error.message : String(error), errors: [] } satisfies ZoneWorkerReply)
)
