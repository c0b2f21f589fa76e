import type { InspectResult } from '@shared/inspector'
import { Explain } from '../../context/TeachingContext'
import { targetKey } from '../../model/inspect/inspect-model'
import type { RawAnswerRequest } from '../../hooks/useRawAnswer'
import { ResolverGroup } from '../ResolverGroup/ResolverGroup'
import { cx } from '../../class-names'
import styles from './SideBySide.module.css'

/** Every resolver's apex and target answers side by side; a failed resolver keeps its own group. */
export function SideBySide({ result, onRaw }: { result: InspectResult; onRaw(request: RawAnswerRequest): void }) {
  return (
    <section className={styles.sideBySide} aria-labelledby="sbs-title" data-testid="side-by-side">
      <div className={styles.head}>
        <h2 id="sbs-title">Side by side</h2>
        <p className={cx('muted', styles.legend)}>
          <span className={cx(styles.item, styles.match)}>= same address</span>
          <span className={cx(styles.item, styles.onlyApex)}>◀ only at the apex</span>
          <span className={cx(styles.item, styles.onlyTarget)}>only at the target ▶</span>
          <span>
            <span className="metric-label">TTL</span> time left in the cache · <span className="metric-label">RTT</span> query round trip
          </span>
        </p>
      </div>
      {result.resolvers.map((inspection, i) => (
        <ResolverGroup key={`${i}:${targetKey(inspection.resolver)}`} result={result} inspection={inspection} onRaw={onRaw} />
      ))}
      <Explain testId="explain-ttl">
        <strong>Reading the TTLs.</strong> A resolver counts a cached record's TTL down from the value the zone's own
        servers gave (Auth TTL), so "cached for 120 s of 300 s" means it fetched the record two minutes ago and may keep
        it three more. A flattening server usually gives the apex a TTL at or below the target's: the apex can then
        never stay stale longer than the target itself.
      </Explain>
    </section>
  )
}
