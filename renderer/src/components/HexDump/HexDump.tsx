import { useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { hexToBytes, walkWireFields, type WireField } from '../../model/inspect/wire-fields'
import styles from './HexDump.module.css'
import { cx } from '../../class-names'

const PER_ROW = 16

const hex2 = (n: number): string => n.toString(16).padStart(2, '0')
const printable = (b: number): string => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·')

/**
 * The response's bytes, 16 a row, with the DNS field under the pointer (or the keyboard cursor: arrow
 * keys, Home/End) highlighted in the hex and text columns and named in the legend below.
 */
export function HexDump({ hex, label }: { hex: string; label: string }) {
  const bytes = useMemo(() => hexToBytes(hex), [hex])
  const walk = useMemo(() => (bytes ? walkWireFields(bytes) : { fields: [] as WireField[], problem: 'not valid hex' }), [bytes])
  // the field index of every byte, computed once per message rather than per byte per render
  const owners = useMemo(() => {
    const map = new Int32Array(bytes?.length ?? 0).fill(-1)
    walk.fields.forEach((f, index) => map.fill(index, f.start, f.end))
    return map
  }, [bytes, walk])
  const [hover, setHover] = useState<number | null>(null)
  const [cursor, setCursor] = useState<number | null>(null)

  if (!bytes || bytes.length === 0) return <p className="muted">No bytes to show.</p>

  const offset = hover ?? cursor
  const active: WireField | undefined = offset === null ? undefined : walk.fields[owners[offset] ?? -1]
  const sectionOf = (i: number): string => walk.fields[owners[i] ?? -1]?.section ?? 'none'

  const onMouseOver = (event: MouseEvent<HTMLDivElement>) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-offset]')
    if (target) setHover(Number(target.dataset.offset))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = cursor ?? 0
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      ArrowDown: at + PER_ROW,
      ArrowUp: at - PER_ROW,
      Home: 0,
      End: bytes.length - 1
    }
    if (!(event.key in moves)) return
    event.preventDefault()
    setHover(null)
    setCursor(cursor === null ? 0 : Math.min(bytes.length - 1, Math.max(0, moves[event.key]!)))
  }

  const rows: number[] = []
  for (let i = 0; i < bytes.length; i += PER_ROW) rows.push(i)

  const isActive = (i: number): boolean => !!active && i >= active.start && i < active.end
  const cellClass = (i: number, kind: 'hex' | 'txt') =>
    cx(styles[kind], styles[`section-${sectionOf(i)}`], isActive(i) && styles.active, i === cursor && styles.cursor)

  return (
    <div data-testid="hex-dump">
      <div
        className={styles.grid}
        role="group"
        tabIndex={0}
        aria-label={`${label}: ${bytes.length} bytes. Arrow keys move through the bytes and name the field under the cursor.`}
        aria-describedby="hex-legend"
        onMouseOver={onMouseOver}
        onMouseLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
        onFocus={() => setCursor((c) => c ?? 0)}
      >
        {rows.map((start) => {
          const row = Array.from(bytes.subarray(start, start + PER_ROW))
          return (
            <div className={styles.row} key={start}>
              <span className={styles.offset} aria-hidden="true">
                {start.toString(16).padStart(4, '0')}
              </span>
              <span className={styles.bytes}>
                {row.map((b, j) => (
                  <span key={j} className={cellClass(start + j, 'hex')} data-offset={start + j} data-active={isActive(start + j) || undefined} data-testid="hex-byte">
                    {hex2(b)}
                  </span>
                ))}
              </span>
              <span className={styles.text} aria-hidden="true">
                {row.map((b, j) => (
                  <span key={j} className={cellClass(start + j, 'txt')} data-offset={start + j}>
                    {printable(b)}
                  </span>
                ))}
              </span>
            </div>
          )
        })}
      </div>
      <p className={styles.legend} id="hex-legend" aria-live="polite" data-testid="hex-legend">
        {active ? (
          <>
            <strong>{active.label}</strong>: <code>{active.value}</code>{' '}
            <span className="muted">
              (byte{active.end - active.start === 1 ? '' : 's'} 0x{active.start.toString(16)}
              {active.end - active.start > 1 ? `–0x${(active.end - 1).toString(16)}` : ''}, {active.end - active.start} long)
            </span>
          </>
        ) : (
          <span className="muted">Point at a byte (or focus the dump and use the arrow keys) to name its field.</span>
        )}
      </p>
      {walk.problem && (
        <p className="warning" role="status">
          The bytes could not be walked to the end: {walk.problem}.
        </p>
      )}
    </div>
  )
}
