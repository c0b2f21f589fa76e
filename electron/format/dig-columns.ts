/**
 * BIND's master-file column layout as dig prints it: fields padded with tabs to columns 24/32/40/48,
 * or one space when a field already runs past its column (BIND's `indent()` in masterdump.c).
 */
const TAB = 8
const COLUMNS = [24, 32, 40, 48] as const

class ColumnWriter {
  private text = ''
  private column = 0

  write(field: string): this {
    this.text += field
    this.column += field.length
    return this
  }

  /** Pads to column `to`, tracking the column as BIND does (a tab counts up to the next stop). */
  indent(to: number): this {
    const from = this.column
    const target = Math.max(to, from + 1)
    const tabs = Math.floor(target / TAB) - Math.floor(from / TAB)
    this.text += tabs > 0 ? '\t'.repeat(tabs) + ' '.repeat(target % TAB) : ' '.repeat(target - from)
    this.column = target
    return this
  }

  toString(): string {
    return this.text
  }
}

export interface RecordColumns {
  name: string
  ttl?: number
  class: string
  type: string
  data?: string
}

/** One record line: `name<tabs>ttl<tab>class<tab>type<tab>data`; the question leaves ttl and data out. */
export function recordLine(rr: RecordColumns, prefix = ''): string {
  const w = new ColumnWriter().write(rr.name)
  // Without a TTL (the question) the name runs straight to the class column.
  if (rr.ttl !== undefined) w.indent(COLUMNS[0]).write(String(rr.ttl))
  w.indent(COLUMNS[1]).write(rr.class).indent(COLUMNS[2]).write(rr.type)
  if (rr.data !== undefined) w.indent(COLUMNS[3]).write(rr.data)
  // The question's ';' is not counted in the columns (dig prints it before the name).
  return prefix + w.toString()
}
