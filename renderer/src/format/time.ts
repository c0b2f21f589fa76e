/**
 * The one way the app writes durations and clock times: every view imports these, so "12.3 s", "4 min 05 s",
 * "0.8 ms" and "14:03:07" read the same everywhere. Clock times are local, 24-hour, zero-padded.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/**
 * A duration given in milliseconds: "0.4 ms" and "85 ms" below a second (round trips), "12.3 s" below a minute,
 * then "4 min 05 s" and "2 h 03 min". An em dash when unknown.
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const abs = Math.abs(ms)
  const sign = ms < 0 ? '−' : ''
  if (abs < 10) return `${sign}${abs.toFixed(1)} ms`
  if (abs < 1000) return `${sign}${Math.round(abs)} ms`
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(1)} s`
  const totalSeconds = Math.round(abs / 1000)
  if (totalSeconds < 3600) return `${sign}${Math.floor(totalSeconds / 60)} min ${pad(totalSeconds % 60)} s`
  const totalMinutes = Math.round(totalSeconds / 60)
  return `${sign}${Math.floor(totalMinutes / 60)} h ${pad(totalMinutes % 60)} min`
}

/** A whole number of seconds as DNS writes TTLs: "60 s". */
export function formatTtl(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? '—' : `${seconds} s`
}

/** Seconds since a start as m:ss (h:mm:ss past an hour): chart axes and timelines. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = pad(s % 60)
  return h > 0 ? `${h}:${pad(m)}:${rest}` : `${m}:${rest}`
}

/** The local clock time of a Unix-ms instant, "14:03:07" (with `millis`, "14:03:07.042"). */
export function formatClock(ms: number, options: { millis?: boolean } = {}): string {
  const d = new Date(ms)
  const base = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  return options.millis ? `${base}.${pad(d.getMilliseconds(), 3)}` : base
}

/** Date and local clock time, "2026-12-02 14:03:07": for instants that may lie on another day. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(ms)}`
}
