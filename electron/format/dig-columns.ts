/**
 * BIND's master-file column layout as dig prints it: fields padded with tabs to columns 24/32/40/48,
 * or one space when a field already runs past its column (BIND's `indent()` in masterdump.c).
 */
const TAB = 8
const COLUMNS = [24, 32, 40, 48] as const

export interface RecordColumns {
  name: string
  ttl?: number
  class: string
  type: string
  data?: string
}

/** One record line: `name<tabs>ttl<tab>class<tab>type<tab>data`; the question leaves ttl and data out. */
export function recordLine(rr: RecordColumns, prefix = ''): string {
  let text = rr.name
  let column = rr.name.length
  // pads to column `to`, tracking the column as BIND does (a tab counts up to the next stop), then writes
  const field = (to: number, value: string): void => {
    const target = Math.max(to, column + 1)
    const tabs = Math.floor(target / TAB) - Math.floor(column / TAB)
    text += (tabs > 0 ? '\t'.repeat(tabs) + ' '.repeat(target % TAB) : ' '.repeat(target - column)) + value
    column = target + value.length
  }
  // Without a TTL (the question) the name runs straight to the class column.
  if (rr.ttl !== undefined) field(COLUMNS[0], String(rr.ttl))
  field(COLUMNS[1], rr.class)
  field(COLUMNS[2], rr.type)
  if (rr.data !== undefined) field(COLUMNS[3], rr.data)
  // The question's ';' is not counted in the columns (dig prints it before the name).
  return prefix + text
}
