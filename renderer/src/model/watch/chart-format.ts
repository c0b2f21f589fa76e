import { formatDuration, formatElapsed } from '../../format/time'

export { formatElapsed }

/** Milliseconds as a duration ("12.3 s"); an em dash when unknown. The app's one duration format. */
export const formatSeconds = (ms: number | undefined): string => formatDuration(ms)

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
