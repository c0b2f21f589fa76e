import type { HTMLAttributes } from 'react'
import styles from './ChartFrame.module.css'

/** A short figure beside a chart's export buttons (e.g. "99 points"), passed in the frame's toolbar. */
export function ChartNote(props: Omit<HTMLAttributes<HTMLSpanElement>, 'className'>) {
  return <span {...props} className={styles.note} />
}
