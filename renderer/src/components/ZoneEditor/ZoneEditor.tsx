import { useMemo, useRef, type UIEvent } from 'react'
import type { ZoneProblem } from '@shared/lab'
import { offsetOf, problemsByLine } from '../../model/lab/zone-problems'
import { cx } from '../../class-names'
import styles from './ZoneEditor.module.css'

interface ZoneEditorProps {
  value: string
  onChange(value: string): void
  /** Problems to show at their line and column (from the last save or load). */
  problems: readonly ZoneProblem[]
  /** Shown above the text area. */
  label: string
  disabled?: boolean
}

/** Must match .editor line-height and padding in ZoneEditor.module.css. */
const LINE_HEIGHT = 20
const PADDING = 8
const TAB = 8

/** Visual column (0-based) of a 1-based character column, tabs expanded. */
function visualColumn(line: string, column: number): number {
  let visual = 0
  for (let i = 0; i < Math.min(line.length, column - 1); i++) visual = line[i] === '\t' ? (Math.floor(visual / TAB) + 1) * TAB : visual + 1
  return visual
}

/**
 * A plain text area with line numbers. Problems show in place: the line is marked in the gutter and tinted, the
 * column underlined with the message at the line's end, and listed below with a button that moves the caret there.
 */
export function ZoneEditor({ value, onChange, problems, label, disabled }: ZoneEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null)
  const gutter = useRef<HTMLDivElement>(null)
  const overlay = useRef<HTMLDivElement>(null)
  const lines = useMemo(() => value.split('\n'), [value])
  const byLine = useMemo(() => problemsByLine(problems), [problems])
  const numbers = useMemo(() => lines.map((_, i) => i + 1).join('\n'), [lines])

  // scrolling moves the gutter and the overlay by transform: no React render per scroll event
  const onScroll = (event: UIEvent<HTMLTextAreaElement>) => {
    const { scrollTop, scrollLeft } = event.currentTarget
    if (gutter.current) gutter.current.style.transform = `translateY(${-scrollTop}px)`
    if (overlay.current) overlay.current.style.transform = `translate(${-scrollLeft}px, ${-scrollTop}px)`
  }
  const goTo = (problem: ZoneProblem) => {
    const element = area.current
    if (!element) return
    const at = offsetOf(value, problem.line, problem.column)
    element.focus()
    element.setSelectionRange(at, Math.min(value.length, at + 1))
    element.scrollTop = Math.max(0, (problem.line - 3) * LINE_HEIGHT)
  }

  return (
    <div>
      <div className={cx(styles.editor, problems.length > 0 && styles.invalid)}>
        <div className={styles.gutter} aria-hidden="true">
          <div ref={gutter} className={styles.gutterInner}>
            <pre className={styles.numbers}>{numbers}</pre>
            {[...byLine.keys()].map((line) => (
              <span
                key={line}
                className={styles.gutterMark}
                style={{ top: PADDING + (line - 1) * LINE_HEIGHT }}
                data-testid="zone-gutter-error"
                data-line={line}
              />
            ))}
          </div>
        </div>
        <div className={styles.main}>
          <div className={styles.overlay} aria-hidden="true">
            <div ref={overlay} className={styles.overlayInner}>
              {[...byLine.entries()].map(([line, list]) => {
                const text = lines[line - 1] ?? ''
                const column = visualColumn(text, list[0]!.column)
                return (
                  <div key={line} className={styles.errorLine} style={{ top: PADDING + (line - 1) * LINE_HEIGHT }}>
                    <span className={styles.errorCol} style={{ left: `calc(${PADDING}px + ${column}ch)` }} />
                    <span
                      className={styles.errorText}
                      style={{ left: `calc(${PADDING}px + ${Math.max(visualColumn(text, text.length + 1) + 3, 24)}ch)` }}
                      data-testid="zone-inline-error"
                      data-line={line}
                      data-column={list[0]!.column}
                    >
                      {list.map((p) => p.message).join(' · ')}
                    </span>
                  </div>
                )
              })}
            </div>
          </div>
          <textarea
            ref={area}
            className={styles.text}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onScroll={onScroll}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            disabled={disabled}
            aria-label={label}
            aria-invalid={problems.length > 0}
            aria-describedby={problems.length ? 'zone-problems' : undefined}
            data-testid="zone-text"
          />
        </div>
      </div>
      {problems.length > 0 && (
        <ol className={styles.problems} id="zone-problems" data-testid="zone-problems" aria-label="Problems in the zone">
          {problems.map((p, i) => (
            <li key={i} data-testid="zone-problem" data-line={p.line} data-column={p.column}>
              <button type="button" className={styles.goTo} onClick={() => goTo(p)}>
                Line {p.line}, column {p.column}
              </button>{' '}
              {p.message}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
