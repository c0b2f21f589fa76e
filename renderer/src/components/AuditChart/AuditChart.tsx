import { useMemo } from 'react'
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts'
import type { AuditRow } from '@shared/audit'
import { verdictCounts } from '@shared/audit-format'
import type { ChartTheme } from '../../hooks/useChartTheme'
import { boundHistogram } from '../../model/audit/audit-table-model'
import { axisStyle } from '../ChartFrame/axes'
import { ChartFrame } from '../ChartFrame/ChartFrame'
import styles from './AuditChart.module.css'

// green for aliased, grey for not, amber for undecided, red for failures; other ids take the palette
const VERDICT_COLOURS = (theme: ChartTheme): Record<string, string> => ({
  likely: theme.palette[2] ?? theme.accent,
  'not-aliased': theme.muted,
  inconclusive: theme.palette[5] ?? theme.accent,
  error: theme.danger
})

interface Props {
  rows: readonly AuditRow[]
  theme: ChartTheme
}

/** The audit at a glance: names per verdict, and how stale their answers may get (staleness bounds). */
export function AuditChart({ rows, theme }: Props) {
  const verdicts = useMemo(() => verdictCounts(rows), [rows])
  const bounds = useMemo(() => boundHistogram(rows), [rows])
  const colours = VERDICT_COLOURS(theme)
  const colourOf = (verdict: string, i: number): string => colours[verdict] ?? theme.palette[i % theme.palette.length] ?? theme.accent
  const axis = axisStyle(theme)
  // grid, axes and tooltip of a bar chart over `key`; an array (not a component) so recharts sees its own children
  const frameOf = (key: string) => [
    <CartesianGrid key="grid" stroke={theme.grid} strokeDasharray="3 3" vertical={false} />,
    <XAxis key="x" dataKey={key} {...axis} height={24} />,
    <YAxis key="y" allowDecimals={false} {...axis} width={48} />,
    <Tooltip key="tip" isAnimationActive={false} cursor={{ fill: theme.grid, fillOpacity: 0.4 }} />
  ]
  return (
    <div className={styles.charts}>
      <ChartFrame
        title="Verdicts"
        id="audit-verdicts"
        filePrefix="audit-verdicts"
        theme={theme}
        legend={verdicts.map((v, i) => ({ key: v.verdict, label: `${v.verdict} ${v.count}`, colour: colourOf(v.verdict, i) }))}
        description="Names per verdict of the inspector."
        empty={rows.length === 0 ? 'No results yet.' : undefined}
      >
        <BarChart data={verdicts} responsive style={{ width: '100%', height: 180 }} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          {frameOf('verdict')}
          <Bar dataKey="count" name="names" isAnimationActive={false} maxBarSize={48}>
            {verdicts.map((v, i) => (
              <Cell key={v.verdict} fill={colourOf(v.verdict, i)} data-testid="audit-verdict-bar" />
            ))}
          </Bar>
        </BarChart>
      </ChartFrame>
      <ChartFrame
        title="Staleness bounds"
        id="audit-bounds"
        filePrefix="audit-staleness-bounds"
        theme={theme}
        legend={[{ key: 'names', label: 'names', colour: theme.accent }]}
        description="How long each apex may serve old addresses after its target changes: target TTL + min(apex TTL, target TTL)."
        empty={rows.length === 0 ? 'No results yet.' : undefined}
      >
        <BarChart data={bounds} responsive style={{ width: '100%', height: 180 }} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          {frameOf('bucket')}
          <Bar dataKey="names" fill={theme.accent} isAnimationActive={false} maxBarSize={48} />
        </BarChart>
      </ChartFrame>
    </div>
  )
}
