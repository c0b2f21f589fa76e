/** HCL (Terraform) literals and resource names. */

/** A quoted HCL string: backslash escapes, and template sequences (${ and %{) doubled so they stay text. */
function hclString(s: string): string {
  const body = s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{')
  return `"${body}"`
}

/** Unique Terraform resource names built from the owner and type. */
export function resourceNamer(origin: string): (name: string, type: string) => string {
  const used = new Map<string, number>()
  return (name, type) => {
    const rel = name === origin ? 'apex' : name.slice(0, -origin.length - 1).replace(/^\*/, 'wildcard')
    let base = `${rel}_${type}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '_').replace(/^([^a-z_])/, '_$1')
    const n = (used.get(base) ?? 0) + 1
    used.set(base, n)
    if (n > 1) base = `${base}_${n}`
    return base
  }
}

export type HclValue = string | number | boolean | { raw: string } | HclValue[] | { [k: string]: HclValue }

function value(v: HclValue, indent: string): string {
  if (typeof v === 'string') return hclString(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[${v.map((x) => value(x, indent)).join(', ')}]`
  if ('raw' in v && typeof v.raw === 'string') return v.raw
  const inner = indent + '  '
  const entries = Object.entries(v as Record<string, HclValue>)
  return `{\n${entries.map(([k, x]) => `${inner}${k} = ${value(x, inner)}`).join('\n')}\n${indent}}`
}

/** A block: attributes, then nested blocks (`alias { ... }`). */
export function hclBlock(header: string, attrs: Record<string, HclValue>, blocks: [string, Record<string, HclValue>][] = []): string {
  const width = Math.max(0, ...Object.keys(attrs).map((k) => k.length))
  const lines = Object.entries(attrs).map(([k, v]) => `  ${k.padEnd(width)} = ${value(v, '  ')}`)
  for (const [name, inner] of blocks) lines.push(...hclBlock(name, inner).split('\n').map((l) => `  ${l}`))
  return `${header} {\n${lines.join('\n')}\n}`
}
