/**
 * RFC 4180 quoting. Text starting with = + - @ tab or CR is prefixed with ' so spreadsheets do not run it as a
 * formula (`-1+cmd|…` is one too); numbers are written as they are.
 */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
