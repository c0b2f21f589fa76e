import { useMemo } from 'react'
import { CartesianGrid, ComposedChart, Line, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts'
import type { SeriesAnalysis, WatchSample } from '@shared/inspector'
import type { ChartTheme } from '../../hooks/useChartTheme'
import { ChartFrame } from '../ChartFrame/ChartFrame'
import { ChartNote } from '../ChartFrame/ChartNote'
import { formatElapsed } from '../../format/time'
import { laneLabel, lanes, timelineData, type TimelineData } from '../../model/watch/lanes'

interface AnswerTimelineProps {
  samples: readonly WatchSample[]
  series: readonly SeriesAnalysis[]
  resolverIndex: number
  theme: ChartTheme
  filePrefix: string
}

const LANES = lanes.length
/** Lane i (from the top) spans [LANES - i - 1, LANES - i] on the y scale; bars leave a margin. */
const laneTop = (i: number) => LANES - i - 0.15
const laneBottom = (i: number) => LANES - i - 0.85
const laneTicks = lanes.map((_, i) => LANES - i - 0.5)

export function setColour(theme: ChartTheme, colour: number, key: string): string {
  if (key === 'error') return theme.danger
  if (key === 'mixed' || colour < 0) return theme.muted
  return theme.palette[colour % theme.palette.length]!
}

/** Drawn inside the chart's SVG with the chart's own scales, so it exports with the rest. */
function Lanes({ data, theme }: { data: TimelineData; theme: ChartTheme }) {
  const x = useXAxisScale()
  const y = useYAxisScale()
  if (!x || !y) return null
  const px = (v: number) => x(v) ?? 0
  const py = (v: number) => y(v) ?? 0
  return (
    <g className="timeline__lanes">
      {data.shades.map((shade, i) => {
        const first = shade.family === 'A' ? 0 : 2
        const top = py(LANES - first)
        const bottom = py(LANES - first - 2)
        return (
          <rect
            key={`shade-${i}`}
            x={px(shade.startS)}
            y={top}
            width={Math.max(1, px(shade.endS) - px(shade.startS))}
            height={bottom - top}
            fill={theme.stale}
            fillOpacity={0.2}
            stroke={theme.stale}
            strokeOpacity={0.6}
            strokeDasharray="3 2"
            data-testid="timeline-stale"
          >
            <title>{`${shade.family}: apex differed from target ${formatElapsed(shade.startS)}–${formatElapsed(shade.endS)}${shade.open ? ' (still)' : ''}`}</title>
          </rect>
        )
      })}
      {data.segments.map((s, i) => {
        const top = py(laneTop(s.lane))
        return (
          <rect
            key={`seg-${i}`}
            x={px(s.startS)}
            y={top}
            width={Math.max(1.5, px(s.endS) - px(s.startS))}
            height={py(laneBottom(s.lane)) - top}
            rx={2}
            fill={setColour(theme, s.colour, s.key)}
            fillOpacity={s.key === 'mixed' ? 0.5 : 0.9}
          >
            <title>{`${laneLabel(lanes[s.lane]!)} ${formatElapsed(s.startS)}–${formatElapsed(s.endS)}: ${s.key === '' ? 'no addresses' : s.key === 'mixed' ? 'several sets (too short to draw)' : s.key}`}</title>
          </rect>
        )
      })}
    </g>
  )
}

/** Chart 2: which address set each side served over time, the stale (mismatch) stretches shaded. */
export function AnswerTimeline({ samples, series, resolverIndex, theme, filePrefix }: AnswerTimelineProps) {
  const data = useMemo(() => timelineData(samples, series, resolverIndex), [samples, series, resolverIndex])
  const legend = [
    ...data.legend.map((l) => ({
      key: `${l.family}|${l.key}`,
      label: `${l.family} set ${l.colour + 1}: ${l.label}`,
      colour: setColour(theme, l.colour, l.key)
    })),
    ...(data.shades.length ? [{ key: 'stale', label: 'apex ≠ target (stale)', colour: theme.stale }] : [])
  ]
  const domain = [0, Math.max(1, data.endS)]
  return (
    <ChartFrame
      title="Answer sets over time"
      id="timeline"
      filePrefix={filePrefix}
      theme={theme}
      legend={legend}
      description="For the apex and the target, A and AAAA: which set of addresses was served at each moment; stretches where the apex served something other than the target's current set are shaded."
      empty={data.segments.length === 0 ? 'No answers yet.' : undefined}
      toolbar={
        <ChartNote data-testid="timeline-summary" data-shades={data.shades.length} data-sets={data.legend.length}>
          {data.legend.length} set{data.legend.length === 1 ? '' : 's'}, {data.shades.length} stale stretch{data.shades.length === 1 ? '' : 'es'}
        </ChartNote>
      }
    >
      <ComposedChart
        data={[{ x: domain[0], y: 0 }, { x: domain[1], y: LANES }]}
        responsive
        style={{ width: '100%', height: 190 }}
        margin={{ top: 8, right: 16, bottom: 4, left: 8 }}
      >
        <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" horizontal={false} />
        <XAxis
          dataKey="x"
          type="number"
          domain={domain}
          tickFormatter={formatElapsed}
          // whole seconds only: fractional ticks printed as m:ss repeat a label (0:02, 0:02)
          allowDecimals={false}
          stroke={theme.muted}
          tick={{ fill: theme.muted, fontSize: 11 }}
          height={26}
        />
        <YAxis
          type="number"
          domain={[0, LANES]}
          ticks={laneTicks}
          interval={0}
          tickFormatter={(v: number) => laneLabel(lanes[Math.round(LANES - 0.5 - v)]!)}
          stroke={theme.muted}
          tick={{ fill: theme.muted, fontSize: 11 }}
          width={84}
        />
        {/* invisible: gives the y axis its data so that both scales exist for the lanes */}
        <Line dataKey="y" stroke="none" dot={false} activeDot={false} isAnimationActive={false} legendType="none" />
        <Lanes data={data} theme={theme} />
      </ComposedChart>
    </ChartFrame>
  )
}
