import { useMemo, useState } from 'react'
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import type { WatchSample } from '@shared/inspector'
import type { ChartTheme } from '../../hooks/useChartTheme'
import { ChartFrame } from '../ChartFrame/ChartFrame'
import { axisStyle, elapsedAxis } from '../ChartFrame/axes'
import { ChartNote } from '../ChartFrame/ChartNote'
import { formatElapsed } from '../../format/time'
import { seriesLabel, ttlChartData } from '../../model/watch/ttl-series'

interface TtlChartProps {
  samples: readonly WatchSample[]
  resolverIndex: number
  theme: ChartTheme
  filePrefix: string
  /** Points per series after downsampling. */
  maxPoints?: number
  /** Data still arriving: no animation (it would restart on every update). */
  live?: boolean
}

/** Below this many drawn points the lines animate in; above it animation costs more than it shows. */
const ANIMATION_LIMIT = 300

/** Chart 1: the TTL left on the apex's and the target's answers over time (a sawtooth per RRset). */
export function TtlChart({ samples, resolverIndex, theme, filePrefix, maxPoints = 1000, live = false }: TtlChartProps) {
  const data = useMemo(() => ttlChartData(samples, resolverIndex, maxPoints), [samples, resolverIndex, maxPoints])
  const legend = data.keys.map((key) => ({ key, label: seriesLabel(key), colour: theme.series[key] }))
  // A and AAAA often share one TTL, so their lines lie on top of each other: the legend shows and hides each
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set())
  const toggle = (key: string) =>
    setHidden((current) => {
      const next = new Set(current)
      if (!next.delete(key)) next.add(key)
      return next
    })
  const animate = !live && data.drawnPoints < ANIMATION_LIMIT
  return (
    <ChartFrame
      title="TTL remaining"
      id="ttl"
      filePrefix={filePrefix}
      theme={theme}
      legend={legend}
      hiddenKeys={hidden}
      onToggle={toggle}
      description="Seconds of TTL left on the apex's and the target's A and AAAA answers over the session: each refetch jumps up, then the TTL counts down to zero."
      empty={data.rows.length === 0 ? 'No answers with a TTL yet.' : undefined}
      toolbar={
        <ChartNote data-testid="chart-ttl-points" data-full={data.fullPoints} data-drawn={data.drawnPoints}>
          {data.drawnPoints < data.fullPoints ? `${data.drawnPoints} of ${data.fullPoints} points drawn` : `${data.fullPoints} points`}
        </ChartNote>
      }
    >
      <LineChart data={data.rows} responsive style={{ width: '100%', height: 240 }} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
        <XAxis
          {...elapsedAxis}
          domain={['dataMin', 'dataMax']}
          {...axisStyle(theme)}
          label={{ value: 'time since start', position: 'insideBottomRight', offset: -2, fill: theme.muted, fontSize: 11 }}
          height={34}
        />
        <YAxis
          {...axisStyle(theme)}
          width={48}
          allowDecimals={false}
          label={{ value: 'TTL (s)', angle: -90, position: 'insideLeft', fill: theme.muted, fontSize: 11, dy: 24 }}
        />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(x) => `t = ${formatElapsed(Number(x))}`}
          formatter={(value, name) => [`${value} s`, seriesLabel(name as Parameters<typeof seriesLabel>[0])]}
          contentStyle={{ background: theme.background, borderColor: theme.grid, color: theme.text }}
        />
        {data.keys.map((key) => (
          <Line
            key={key}
            dataKey={key}
            name={key}
            type="linear"
            stroke={theme.series[key]}
            strokeWidth={1.6}
            strokeDasharray={key.startsWith('target') ? '5 3' : undefined}
            dot={false}
            activeDot={{ r: 3 }}
            connectNulls
            hide={hidden.has(key)}
            isAnimationActive={animate}
          />
        ))}
      </LineChart>
    </ChartFrame>
  )
}
