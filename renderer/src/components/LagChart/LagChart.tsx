import { useMemo } from 'react'
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { SeriesAnalysis, StalenessBound } from '@shared/inspector'
import type { ChartTheme } from '../../hooks/useChartTheme'
import { ChartFrame } from '../ChartFrame/ChartFrame'
import { axisStyle } from '../ChartFrame/axes'
import { ChartNote } from '../ChartFrame/ChartNote'
import styles from './LagChart.module.css'
import { formatElapsed } from '../../format/time'
import { lagBars, type LagBar } from '../../model/watch/lag-data'

interface LagChartProps {
  series: readonly SeriesAnalysis[]
  resolverIndex: number
  bound: StalenessBound | undefined
  theme: ChartTheme
  filePrefix: string
  /** Data still arriving: no animation (it would restart on every update). */
  live?: boolean
}

function LagTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: LagBar }> }) {
  const bar = active ? payload?.[0]?.payload : undefined
  if (!bar) return null
  return (
    <div className={styles.tooltip}>
      <strong>
        Change {bar.label} at {formatElapsed(bar.changedAtS)}
      </strong>
      <div>
        {bar.from} → {bar.to}
      </div>
      <div>{bar.lagS !== undefined ? `apex followed after ${bar.lagS} s` : bar.outcome === 'pending' ? 'apex has not followed yet' : bar.outcome === 'reverted' ? 'reverted: the target went back to the set the apex still served (no lag)' : 'superseded by the next change before the apex followed (no lag)'}</div>
    </div>
  )
}

/** Chart 3: how long the apex took to follow each change of the target's set, against the theoretical bound. */
export function LagChart({ series, resolverIndex, bound, theme, filePrefix, live = false }: LagChartProps) {
  const bars = useMemo(() => lagBars(series, resolverIndex), [series, resolverIndex])
  const followed = bars.filter((b) => b.lagS !== undefined)
  const maxLag = followed.reduce((m, b) => Math.max(m, b.lagS!), 0)
  const top = Math.max(1, maxLag, bound?.seconds ?? 0) * 1.1
  const legend = [
    { key: 'A', label: 'lag, A', colour: theme.series['apex-A'] },
    { key: 'AAAA', label: 'lag, AAAA', colour: theme.series['apex-AAAA'] },
    ...(bound ? [{ key: 'bound', label: `theoretical bound ${bound.seconds} s`, colour: theme.danger }] : [])
  ]
  return (
    <ChartFrame
      title="Lag per target change"
      id="lag"
      filePrefix={filePrefix}
      theme={theme}
      legend={legend}
      description="One bar per change of the target's address set: the seconds until the apex served the new set. The dashed line is the bound the TTLs allow."
      empty={bars.length === 0 ? 'No change of the target’s addresses seen yet: change or rotate the target to measure the lag.' : undefined}
      toolbar={
        <ChartNote data-testid="lag-bars" data-count={bars.length} data-followed={followed.length}>
          {followed.length} of {bars.length} followed
        </ChartNote>
      }
    >
      <BarChart data={bars} responsive style={{ width: '100%', height: 200 }} margin={{ top: 12, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="axisLabel" {...axisStyle(theme)} height={26} />
        <YAxis
          domain={[0, Math.ceil(top)]}
          {...axisStyle(theme)}
          width={48}
          label={{ value: 'lag (s)', angle: -90, position: 'insideLeft', fill: theme.muted, fontSize: 11, dy: 20 }}
        />
        <Tooltip isAnimationActive={false} content={<LagTooltip />} cursor={{ fill: theme.grid, fillOpacity: 0.4 }} />
        {bound && (
          <ReferenceLine
            y={bound.seconds}
            stroke={theme.danger}
            strokeDasharray="6 4"
            label={{ value: `bound ${bound.seconds} s`, position: 'insideTopRight', fill: theme.danger, fontSize: 11 }}
          />
        )}
        <Bar dataKey="lagS" name="lag" isAnimationActive={!live && bars.length < 100} maxBarSize={36} minPointSize={2}>
          {bars.map((b) => (
            <Cell key={b.index} fill={b.family === 'A' ? theme.series['apex-A'] : theme.series['apex-AAAA']} data-testid="lag-bar" />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  )
}
