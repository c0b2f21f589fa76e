import { useRef, useState, type ReactNode } from 'react'
import type { ChartTheme } from '../../hooks/useChartTheme'
import { downloadBlob } from './download'
import { fileSlug } from '../../model/watch/chart-format'
import { serializeChartSvg, svgToPng } from './export-image'
import { cx } from '../../class-names'
import styles from './ChartFrame.module.css'

export interface LegendItem {
  key: string
  label: string
  colour: string
}

interface ChartFrameProps {
  /** Heading, also the exported image's title. */
  title: string
  /** Short id used for test ids and file names, e.g. "ttl". */
  id: string
  /** File-name prefix, e.g. the apex. */
  filePrefix: string
  theme: ChartTheme
  legend: readonly LegendItem[]
  /** What the chart shows, for screen readers and as the figure's caption. */
  description: string
  /** Text shown instead of the chart when there is nothing to draw. */
  empty?: string | undefined
  toolbar?: ReactNode
  /** With these, legend entries are buttons that show and hide their series. */
  hiddenKeys?: ReadonlySet<string>
  onToggle?: (key: string) => void
  children: ReactNode
}

/** A chart with its heading, legend and export buttons (SVG and PNG of the chart as drawn). */
export function ChartFrame({ title, id, filePrefix, theme, legend, description, empty, toolbar, hiddenKeys, onToggle, children }: ChartFrameProps) {
  const body = useRef<HTMLDivElement>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const svgText = (): string | null => {
    const svg = body.current?.querySelector<SVGSVGElement>('svg.recharts-surface')
    if (!svg) {
      setProblem('There is no chart to export yet.')
      return null
    }
    return serializeChartSvg(svg, {
      title,
      background: theme.background,
      text: theme.text,
      legend: legend.filter((l) => !hiddenKeys?.has(l.key)).map((l) => ({ label: l.label, colour: l.colour })),
      fontFamily: getComputedStyle(document.body).fontFamily
    })
  }
  const name = `${fileSlug(filePrefix)}-${id}`
  const exportSvg = () => {
    const text = svgText()
    if (text) downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`)
  }
  const exportPng = async () => {
    const text = svgText()
    if (!text) return
    try {
      downloadBlob(await svgToPng(text), `${name}.png`)
      setProblem(null)
    } catch (error) {
      setProblem(`The PNG could not be made: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  return (
    <figure className={styles.chart} data-testid={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <div className={styles.head}>
        <h3 className={styles.title} id={`chart-${id}-title`}>
          {title}
        </h3>
        <div className={styles.tools}>
          {toolbar}
          <button type="button" className="button--quiet" onClick={exportSvg} disabled={!!empty} data-testid={`chart-${id}-svg`} aria-label={`Export “${title}” as SVG`}>
            SVG
          </button>
          <button type="button" className="button--quiet" onClick={() => void exportPng()} disabled={!!empty} data-testid={`chart-${id}-png`} aria-label={`Export “${title}” as PNG`}>
            PNG
          </button>
        </div>
      </div>
      {empty ? (
        <p className={styles.empty} data-testid={`chart-${id}-empty`}>
          {empty}
        </p>
      ) : (
        <>
          <div className={styles.body} ref={body}>
            {children}
          </div>
          {legend.length > 0 && (
            <ul className={styles.legend} aria-label={`${title}: legend`}>
              {legend.map((item) => {
                const swatch = <span className={styles.swatch} style={{ background: item.colour }} aria-hidden="true" />
                if (!onToggle) {
                  return (
                    <li key={item.key}>
                      {swatch}
                      {item.label}
                    </li>
                  )
                }
                const shown = !hiddenKeys?.has(item.key)
                return (
                  <li key={item.key}>
                    <button
                      type="button"
                      className={cx(styles.toggle, !shown && styles.off)}
                      aria-pressed={shown}
                      onClick={() => onToggle(item.key)}
                      title={shown ? `Hide ${item.label}` : `Show ${item.label}`}
                      data-testid={`chart-${id}-legend-${item.key}`}
                    >
                      {swatch}
                      {item.label}
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
        </>
      )}
      {problem && (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      )}
      <figcaption className="visually-hidden">{description}</figcaption>
    </figure>
  )
}
