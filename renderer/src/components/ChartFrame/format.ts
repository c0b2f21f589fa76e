/** Seconds since the session started as m:ss (h:mm:ss past an hour). */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}

/** Milliseconds as seconds with one decimal ("12.5 s"); an em dash when unknown. */
export function formatSeconds(ms: number | undefined): string {
  return ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`
}

/** A file-name-safe slug, e.g. "example.test." → "example.test". */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/\.$/, '')
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'chart'
  )
}
