import type { ChartTheme } from '../../hooks/useChartTheme'
import { formatElapsed } from '../../format/time'

/** The muted axis line and 11 px tick labels of every chart. */
export const axisStyle = (theme: ChartTheme) => ({ stroke: theme.muted, tick: { fill: theme.muted, fontSize: 11 } })

/** An x axis of elapsed seconds, in whole seconds only: fractional ticks printed as m:ss repeat a label (0:02, 0:02). */
export const elapsedAxis = { dataKey: 'x', type: 'number', tickFormatter: formatElapsed, allowDecimals: false } as const
