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
