import type { SeriesAnalysis, StalenessAnalysis, ViewpointSummary } from '@shared/inspector'
import { formatSeconds } from '../../components/ChartFrame/format'

const TITLES: Record<ViewpointSummary['viewpoint'], { title: string; sub: string }> = {
  authoritative: { title: "Zones' own servers", sub: 'the ALIAS server itself, no resolver cache (RD=0)' },
  resolver: { title: 'Through the resolvers', sub: 'what users see: adds the resolvers’ caches' }
}

/** Test ids: the resolver column keeps the historical ids (`summary-max-lag`); the other gets a suffix. */
const id = (v: ViewpointSummary, name: string): string => (v.viewpoint === 'resolver' ? `summary-${name}` : `summary-${name}-authoritative`)

/** Per-family stale times of one viewpoint, as they are: never summed. */
function perFamily(series: readonly SeriesAnalysis[], v: ViewpointSummary): string {
  const own = series.filter((s) => s.viewpoint === v.viewpoint)
  return own.map((s) => `${v.series > 2 ? `${s.label} ` : ''}${s.family} ${formatSeconds(s.mismatchedMs)}`).join(' · ') || '—'
}

/** One viewpoint's figures; every number here is a field of the analysis (the JSON export has the same). */
export function ViewpointFigures({ v, analysis }: { v: ViewpointSummary; analysis: StalenessAnalysis }) {
  const unfollowed = v.superseded + v.reverted
  return (
    <section
      className={`viewpoint viewpoint--${v.viewpoint}`}
      data-testid={`viewpoint-${v.viewpoint}`}
      data-stale-ms={v.staleMs}
      data-changes={v.changes}
      data-followed={v.followed}
      data-superseded={v.superseded}
      data-reverted={v.reverted}
      data-pending={v.pending}
      aria-label={TITLES[v.viewpoint].title}
    >
      <h4 className="viewpoint__title">
        {TITLES[v.viewpoint].title}
        <span className="summary__sub">{TITLES[v.viewpoint].sub}</span>
      </h4>
      <dl className="summary__figures">
        <div className="summary__figure" data-testid={id(v, 'stale')} data-value={v.staleMs}>
          <dt>Stale time</dt>
          <dd>
            {v.upperBoundLags ? '≤ ' : ''}
            {formatSeconds(v.staleMs)} of {formatSeconds(analysis.spanMs)}
            <span className="summary__sub">families together · {perFamily(analysis.series, v)}</span>
          </dd>
        </div>
        <div
          className="summary__figure"
          data-testid={id(v, 'max-lag')}
          data-value={v.maxLagMs ?? ''}
          data-upper-bound={v.maxLagUpperBound ? 'true' : undefined}
        >
          <dt>Max lag</dt>
          <dd>
            {v.maxLagUpperBound ? '≤ ' : ''}
            {formatSeconds(v.maxLagMs)}
            <span className="summary__sub">
              median {formatSeconds(v.medianLagMs)} · followed only
              {v.upperBoundLags ? ` · ${v.upperBoundLags} upper bound${v.upperBoundLags === 1 ? '' : 's'}` : ''}
            </span>
          </dd>
        </div>
        <div className="summary__figure" data-testid={id(v, 'changes')}>
          <dt>Target changes</dt>
          <dd>
            {v.followed} of {v.changes} followed
            <span className="summary__sub">
              {v.superseded} superseded · {v.reverted} reverted · {v.pending} pending
            </span>
          </dd>
        </div>
        <div className="summary__figure" data-testid={id(v, 'mismatched')} data-value={v.mismatchedSamples}>
          <dt>Mismatched samples</dt>
          <dd>
            {v.mismatchedSamples} of {v.apexSamples}
            <span className="summary__sub">
              apex samples{v.partialSamples > 0 ? ` · ${v.partialSamples} partial (CDN)` : ''}
              {v.errorSamples > 0 ? ` · ${v.errorSamples} failed` : ''}
            </span>
          </dd>
        </div>
      </dl>
      {unfollowed > 0 && (
        <p className="viewpoint__note" data-testid={id(v, 'unfollowed')}>
          {v.superseded > 0 && `${v.superseded} change${v.superseded === 1 ? '' : 's'} superseded`}
          {v.superseded > 0 && v.reverted > 0 && ' and '}
          {v.reverted > 0 && `${v.reverted} reverted by the target`} before the apex followed: the apex was stale for
          their whole life (up to {formatSeconds(v.maxUnfollowedLifeMs)}). They have no lag and are left out of max and
          median.
        </p>
      )}
      {v.upperBoundLags ? (
        <p className="viewpoint__note" data-testid={id(v, 'upper-bound')}>
          {v.upperBoundLags} change{v.upperBoundLags === 1 ? ' was' : 's were'} followed within the target&apos;s own
          sampling gap: their order in it is unknown, so the lag is given as at most that gap, and the stale time
          counts the same gap.
        </p>
      ) : null}
      {v.withinBound !== undefined && (
        <p className={`viewpoint__bound${v.withinBound ? '' : ' is-beyond'}`} data-testid={id(v, 'within')} data-within={String(v.withinBound)}>
          {v.withinBound ? 'Every change within the bound' : 'Beyond the bound'} (lags, and the life of changes not followed)
        </p>
      )}
    </section>
  )
}
