/** Absolute, lower-case name with a trailing dot: the form every comparison in the inspector uses. */
export function canonicalName(name: string): string {
  const trimmed = name.trim().toLowerCase()
  if (trimmed === '' || trimmed === '.') return '.'
  return trimmed.endsWith('.') ? trimmed : `${trimmed}.`
}

export const sameName = (a: string, b: string): boolean => canonicalName(a) === canonicalName(b)

/** For messages: the name without its trailing dot ('example.com'). */
export const displayName = (name: string): string => (name === '.' ? '.' : name.replace(/\.$/, ''))
