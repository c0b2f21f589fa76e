import { useMemo, useRef, type UIEvent } from 'react'
import type { ZoneProblem } from '@shared/lab'
import { offsetOf, problemsByLine } from '../../model/lab/zone-problems'

interface ZoneEditorProps {
  value: string
  onChange(value: string): void
  /** Problems to show at their line and column (from the last save or load). */
  problems: readonly ZoneProblem[]
  /** Shown above the text area. */
  label: string
  disabled?: boolean
}

/** Must match .zone-editor line-height and padding in lab.css. */
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
    <div className="zone-editor-wrap">
      <div className={`zone-editor${problems.length ? ' zone-editor--invalid' : ''}`}>
        <div className="zone-editor__gutter" aria-hidden="true">
          <div ref={gutter} className="zone-editor__gutter-inner">
            <pre className="zone-editor__numbers">{numbers}</pre>
            {[...byLine.keys()].map((line) => (
              <span
                key={line}
                className="zone-editor__gutter-mark"
                style={{ top: PADDING + (line - 1) * LINE_HEIGHT }}
                data-testid="zone-gutter-error"
                data-line={line}
              />
            ))}
          </div>
        </div>
        <div className="zone-editor__main">
          <div className="zone-editor__overlay" aria-hidden="true">
            <div ref={overlay} className="zone-editor__overlay-inner">
              {[...byLine.entries()].map(([line, list]) => {
                const text = lines[line - 1] ?? ''
                const column = visualColumn(text, list[0]!.column)
                return (
                  <div key={line} className="zone-editor__error-line" style={{ top: PADDING + (line - 1) * LINE_HEIGHT }}>
                    <span className="zone-editor__error-col" style={{ left: `calc(${PADDING}px + ${column}ch)` }} />
                    <span
                      className="zone-editor__error-text"
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
            className="zone-editor__text"
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
        <ol className="zone-editor__problems" id="zone-problems" data-testid="zone-problems" aria-label="Problems in the zone">
          {problems.map((p, i) => (
            <li key={i} data-testid="zone-problem" data-line={p.line} data-column={p.column}>
              <button type="button" className="button--link" onClick={() => goTo(p)}>
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
