import { csvCell } from '@shared/csv-cell'
import type { WatchDetail } from '@shared/inspector'

const HEADER = [
  'session_id', 'seq', 'resolver_index', 'resolver', 'side', 'family', 'elapsed_ms', 'received_at',
  'status', 'rcode', 'ttl', 'values', 'chain_end', 'error', 'viewpoint', 'server'
]

export { csvCell }

export function watchCsv(detail: WatchDetail): string {
  const rows = detail.samples.map((s) =>
    [
      s.sessionId,
      s.seq,
      s.resolverIndex,
      s.viewpoint === 'authoritative' ? "zones' own servers" : detail.session.labels[s.resolverIndex],
      s.side,
      s.family,
      Math.round(s.elapsedMs),
      new Date(s.receivedAtWallMs).toISOString(),
      s.status,
      s.rcode,
      s.ttl,
      s.values.join(' '),
      s.chainEnd,
      s.error ? `${s.error.code}: ${s.error.message}` : undefined,
      s.viewpoint,
      s.server
    ]
      .map(csvCell)
      .join(',')
  )
  return [HEADER.join(','), ...rows].join('\r\n') + '\r\n'
}

export function watchJson(detail: WatchDetail): string {
  return JSON.stringify({ format: 'alias-inspector-watch', version: 1, ...detail }, null, 2)
}
