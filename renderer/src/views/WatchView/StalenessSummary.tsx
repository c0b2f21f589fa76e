import type { StalenessAnalysis } from '@shared/inspector'
import { formatDuration } from '../../format/time'
import { Explain } from '../../context/TeachingContext'
import { ViewpointFigures } from './ViewpointFigures'
import styles from './StalenessSummary.module.css'
import { cx } from '../../class-names'

/** The headline figures per viewpoint, side by side, then what both share: the TTLs and the bound. */
export function StalenessSummary({ analysis }: { analysis: StalenessAnalysis }) {
  const bound = analysis.bound
  return (
    <section className={styles.summary} aria-labelledby="summary-title" data-testid="watch-summary">
      <h3 id="summary-title" className="visually-hidden">
        Staleness summary
      </h3>
      <div className={styles.viewpoints} data-testid="watch-viewpoints" data-count={analysis.viewpoints.length}>
        {analysis.viewpoints.map((v) => (
          <ViewpointFigures key={v.viewpoint} v={v} analysis={analysis} />
        ))}
      </div>
      <Explain testId="explain-viewpoints">
        <strong>Two viewpoints.</strong> “Zones' own servers” asks the apex's own server and the target's own server
        directly, without recursion: the time the ALIAS server itself keeps serving the old set (its copy of the target,
        and whatever its own upstream resolver caches). “Through the resolvers” asks the resolvers you picked, which is
        what users get: the same delay plus each resolver's copy of the apex. Stale time is wall-clock time while the
        apex differed, the A and AAAA families together (never added up); mismatched samples count answers, not time,
        so a change the apex followed between two samples adds stale time without a mismatched sample.
      </Explain>
      <dl className={`${styles.figures} ${styles.shared}`}>
        <div className={styles.figure} data-testid="summary-alias-ttl" data-value={analysis.aliasTtl ?? ''}>
          <dt>ALIAS TTL</dt>
          <dd>
            {analysis.aliasTtl !== undefined ? `${analysis.aliasTtl} s` : '—'}
            <span className={styles.sub}>{analysis.aliasTtl !== undefined ? 'the record in the zone' : 'record not readable'}</span>
          </dd>
        </div>
        <div className={styles.figure} data-testid="summary-max-apex-ttl" data-value={analysis.maxApexTtl ?? ''}>
          <dt>Largest apex TTL seen</dt>
          <dd>
            {analysis.maxApexTtl !== undefined ? `${analysis.maxApexTtl} s` : '—'}
            <span className={styles.sub}>in any answer</span>
          </dd>
        </div>
        <div className={cx(styles.figure, styles.bound, analysis.withinBound === false && styles.beyond)} data-testid="summary-bound">
          <dt>Bound ({bound?.policy ?? '—'} TTL rule)</dt>
          <dd>
            {bound ? `${bound.seconds} s` : '—'}
            <span className={styles.sub}>{bound ? bound.formula : 'needs TTLs from both sides'}</span>
          </dd>
        </div>
        <div className={styles.figure} data-testid="summary-resolution">
          <dt>Sampling resolution</dt>
          <dd>
            {formatDuration(analysis.samplingResolutionMs)}
            <span className={styles.sub}>a change can be seen this late</span>
          </dd>
        </div>
      </dl>
      <ul className={styles.lines} data-testid="summary-lines">
        {analysis.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <LagExplanation analysis={analysis} />
    </section>
  )
}

/** Why the apex lagged: the target's TTL at the ALIAS server, then the TTL the server gave the apex answer. */
function LagExplanation({ analysis }: { analysis: StalenessAnalysis }) {
  const bound = analysis.bound
  if (!bound) {
    return (
      <Explain testId="explain-lag">
        The bound needs a TTL from both sides. Once the apex and the target have answered, this explains how long the
        apex may lag behind its target.
      </Explain>
    )
  }
  const aliasTtl = bound.apexTtlSource === 'alias-record' ? `ALIAS TTL ${bound.apexTtl} s` : `the largest apex TTL seen, ${bound.apexTtl} s (the ALIAS record could not be read)`
  const policyText =
    bound.policy === 'passthrough'
      ? `passes the target's remaining TTL through (${bound.targetTtl} s at most), whatever the ALIAS record says`
      : bound.policy === 'fixed'
        ? `gives the apex min(${aliasTtl}, the target's TTL as fetched ${bound.targetTtl} s) = ${bound.servedApexTtl} s, without counting down`
        : bound.policy === 'record'
          ? `gives the apex the ${aliasTtl}, whatever the target's TTL`
          : bound.policy.startsWith('constant:')
            ? `gives the apex a constant ${bound.servedApexTtl} s, whatever either record says`
            : `gives the apex min(${aliasTtl}, the target's TTL left) — at most ${bound.servedApexTtl} s`
  const lag = analysis.maxLagMs
  return (
    <Explain testId="explain-lag">
      {lag !== undefined ? (
        <>
          <strong>
            Why the apex lagged {analysis.maxLagUpperBound ? 'up to ' : ''}
            {formatDuration(lag)} behind its target.
          </strong>{' '}
        </>
      ) : (
        <strong>How far the apex can lag behind its target. </strong>
      )}
      The ALIAS server does not learn of a change at the target until its cached copy of the target expires: up to the
      target's TTL, {bound.targetTtl} s. The answer it then synthesises at the apex carries a TTL of its own — under the “
      {bound.policy}” policy it {policyText} — and a resolver may keep serving the old apex answer for that long. Worst
      case: {bound.formula}
      {analysis.samplingResolutionMs > 0 && `, plus up to ${formatDuration(analysis.samplingResolutionMs)} before a sample notices`}.
      {lag !== undefined &&
        (analysis.withinBound
          ? ' The measured lag stays within that bound.'
          : ' The measured lag exceeds it: something held the old answer longer than its TTL (a resolver with a TTL floor, or serve-stale).')}
    </Explain>
  )
}
