import { useClock } from '../../hooks/useClock'
import { remainingTtl } from '@shared/ttl'
import { formatDuration } from './ttl'
import styles from './TtlCountdown.module.css'
import { cx } from '../../class-names'

interface TtlCountdownProps {
  /** Wall-clock time the record was received (ms). */
  receivedAtMs: number
  /** TTL in the response, in seconds. */
  ttl: number
  testId?: string
  /** How it sits where it is shown: `short` on a chain's arrow, `fluid` in a table cell, `trailing` at a row's end. */
  layout?: 'short' | 'fluid' | 'trailing'
}

/**
 * Remaining TTL as a number and a shrinking bar. The number follows the shared 1 Hz clock; the bar is a CSS
 * animation started at the right point (negative delay), so no script runs per frame.
 */
export function TtlCountdown({ receivedAtMs, ttl, testId = 'ttl-countdown', layout }: TtlCountdownProps) {
  const now = useClock()
  const left = remainingTtl(ttl, receivedAtMs, now)
  const elapsedSeconds = Math.max(0, (now - receivedAtMs) / 1000)
  const expired = left === 0
  return (
    <span
      className={cx(styles.ttl, layout && styles[layout], expired && styles.expired)}
      data-testid={testId}
      data-remaining={left}
      title={`TTL: ${left} s left of ${ttl} s at receipt`}
    >
      <span className={styles.label}>TTL</span>
      <span className={styles.value}>{expired ? 'expired' : formatDuration(left)}</span>
      <span className={styles.track} aria-hidden="true">
        {!expired && ttl > 0 && (
          <span
            className={styles.bar}
            style={{ animationDuration: `${ttl}s`, animationDelay: `-${Math.min(elapsedSeconds, ttl)}s` }}
          />
        )}
      </span>
    </span>
  )
}
