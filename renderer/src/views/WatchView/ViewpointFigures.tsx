import type { SeriesAnalysis, StalenessAnalysis, ViewpointSummary } from '@shared/inspector'
import { formatDuration } from '../../format/time'
import styles from './StalenessSummary.module.css'

const TITLES: Record<ViewpointSummary['viewpoint'], { title: string; sub: string }> = {
  authoritative: { title: "Zones' own servers", sub: 'the ALIAS server itself, no resolver cache (RD=0)' },
  resolver: { title: 'Through the resolvers', sub: 'what users see: adds the resolvers’ caches' }
}

/**
 * The two figures count different things and can disagree (0 mismatched samples beside a stale time): said on hover.
 */
const HELP = {
  stale:
    'Wall-clock time the apex differed from the target, dated from the samples around each change (A and AAAA together, never added up). A change the apex followed between two samples still counts that gap, as an upper bound (≤).',
  mismatched:
    'Apex answers that differed from the target’s latest answer when they were taken: a count of samples, not a time. A change the apex followed between two samples adds stale time but no mismatched sample.'
}

/** Test ids: the resolver column keeps the historical ids (`summary-max-lag`); the other gets a suffix. */
const id = (v: ViewpointSummary, name: string): string => (v.viewpoint === 'resolver' ? `summary-${name}` : `summary-${name}-authoritative`)

/** Per-family stale times of one viewpoint, as they are: never summed. */
function perFamily(series: readonly SeriesAnalysis[], v: ViewpointSummary): string {
  const own = series.filter((s) => s.viewpoint === v.viewpoint)
  return own.map((s) => `${v.series > 2 ? `${s.label} ` : ''}${s.family} ${formatDuration(s.mismatchedMs)}`).join(' · ') || '—'
}

/** One viewpoint's figures; every number here is a field of the analysis (the JSON export has the same). */
export function ViewpointFigures({ v, analysis }: { v: ViewpointSummary; analysis: StalenessAnalysis }) {
  const unfollowed = v.superseded + v.reverted
  return (
    <section
      className={styles.viewpoint}
      data-testid={`viewpoint-${v.viewpoint}`}
      data-stale-ms={v.staleMs}
      data-changes={v.changes}
      data-followed={v.followed}
      data-superseded={v.superseded}
      data-reverted={v.reverted}
      data-pending={v.pending}
      aria-label={TITLES[v.viewpoint].title}
    >
      <h4 className={styles.title}>
        {TITLES[v.viewpoint].title}
        <span className={styles.sub}>{TITLES[v.viewpoint].sub}</span>
      </h4>
      <dl className={styles.figures}>
        <div className={styles.figure} data-testid={id(v, 'stale')} data-value={v.staleMs} title={HELP.stale}>
          <dt>Stale time</dt>
          <dd>
            {v.upperBoundLags ? '≤ ' : ''}
            {formatDuration(v.staleMs)} of {formatDuration(analysis.spanMs)}
            <span className={styles.sub}>families together · {perFamily(analysis.series, v)}</span>
          </dd>
        </div>
        <div
          className={styles.figure}
          data-testid={id(v, 'max-lag')}
          data-value={v.maxLagMs ?? ''}
          data-upper-bound={v.maxLagUpperBound ? 'true' : undefined}
        >
          <dt>Max lag</dt>
          <dd>
            {v.maxLagUpperBound ? '≤ ' : ''}
            {formatDuration(v.maxLagMs)}
            <span className={styles.sub}>
              median {formatDuration(v.medianLagMs)} · followed only
              {v.upperBoundLags ? ` · ${v.upperBoundLags} upper bound${v.upperBoundLags === 1 ? '' : 's'}` : ''}
            </span>
          </dd>
        </div>
        <div className={styles.figure} data-testid={id(v, 'changes')}>
          <dt>Target changes</dt>
          <dd>
            {v.followed} of {v.changes} followed
            <span className={styles.sub}>
              {v.superseded} superseded · {v.reverted} reverted · {v.pending} pending
            </span>
          </dd>
        </div>
        <div className={styles.figure} data-testid={id(v, 'mismatched')} data-value={v.mismatchedSamples} title={HELP.mismatched}>
          <dt>Mismatched samples</dt>
          <dd>
            {v.mismatchedSamples} of {v.apexSamples}
            <span className={styles.sub}>
              apex samples{v.partialSamples > 0 ? ` · ${v.partialSamples} partial (CDN)` : ''}
              {v.errorSamples > 0 ? ` · ${v.errorSamples} failed` : ''}
            </span>
          </dd>
        </div>
      </dl>
      {unfollowed > 0 && (
        <p className={styles.note} data-testid={id(v, 'unfollowed')}>
          {v.superseded > 0 && `${v.superseded} change${v.superseded === 1 ? '' : 's'} superseded`}
          {v.superseded > 0 && v.reverted > 0 && ' and '}
          {v.reverted > 0 && `${v.reverted} reverted by the target`} before the apex followed: the apex was stale for
          their whole life (up to {formatDuration(v.maxUnfollowedLifeMs)}). They have no lag and are left out of max and
          median.
        </p>
      )}
      {v.upperBoundLags ? (
        <p className={styles.note} data-testid={id(v, 'upper-bound')}>
          {v.upperBoundLags} change{v.upperBoundLags === 1 ? ' was' : 's were'} followed within the target&apos;s own
          sampling gap: their order in it is unknown, so the lag is given as at most that gap, and the stale time
          counts the same gap.
        </p>
      ) : null}
      {v.withinBound !== undefined && (
        <p className={`${styles.boundLine}${v.withinBound ? '' : ` ${styles.beyond}`}`} data-testid={id(v, 'within')} data-within={String(v.withinBound)}>
          {v.withinBound ? 'Every change within the bound' : 'Beyond the bound'} (lags, and the life of changes not followed)
        </p>
      )}
    </section>
  )
}
