import type { WatchDetail } from '@shared/inspector'

const HEADER = [
  'session_id', 'seq', 'resolver_index', 'resolver', 'side', 'family', 'elapsed_ms', 'received_at',
  'status', 'rcode', 'ttl', 'values', 'chain_end', 'error', 'viewpoint', 'server'
]

/**
 * RFC 4180 quoting. Text starting with = + - @ tab or CR is prefixed with ' so spreadsheets do not run it as a
 * formula (`-1+cmd|…` is one too); numbers are written as they are.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

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
