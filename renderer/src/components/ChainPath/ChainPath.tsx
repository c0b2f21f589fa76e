import { Fragment } from 'react'
import { displayName } from '../../model/inspect/inspect-model'
import { TtlCountdown } from '../TtlCountdown/TtlCountdown'
import styles from './ChainPath.module.css'
import { cx } from '../../class-names'

interface ChainPathProps {
  hops: { name: string; ttl?: number }[]
  receivedAtMs: number
  problem?: 'loop' | 'too-long'
  testId?: string
}

/** apex ⇢ target → CNAME hops → the name that holds the addresses, with each CNAME's TTL on its arrow. */
export function ChainPath({ hops, receivedAtMs, problem, testId = 'chain-path' }: ChainPathProps) {
  if (hops.length === 0) return null
  return (
    <ol className={styles.chain} aria-label="Path from the apex to the addresses" data-testid={testId}>
      {hops.map((hop, i) => (
        <Fragment key={`${i}:${hop.name}`}>
          {i === 1 && (
            <li className={styles.arrow} aria-label="follows (flattened)">
              <span aria-hidden="true">⇢</span>
              <span className={styles.arrowLabel}>follows</span>
            </li>
          )}
          {i > 1 && (
            <li className={styles.arrow} aria-label="CNAME to">
              <span aria-hidden="true">→</span>
              <span className={styles.arrowLabel}>CNAME</span>
              {hop.ttl !== undefined && <TtlCountdown receivedAtMs={receivedAtMs} ttl={hop.ttl} testId="chain-ttl" layout="short" />}
            </li>
          )}
          <li className={cx(styles.node, i === 0 && styles.apex, i === hops.length - 1 && styles.end)} data-testid="chain-node">
            {displayName(hop.name)}
          </li>
        </Fragment>
      ))}
      {problem && <li className={styles.problem}>{problem === 'loop' ? 'CNAME loop' : 'chain too long'}</li>}
    </ol>
  )
}
