import type { StalenessAnalysis } from '@shared/inspector'
import { formatSeconds } from '../../components/ChartFrame/format'
import { Explain } from '../../context/TeachingContext'

/** The headline figures of the staleness analysis, the theoretical bound beside the measured lag. */
export function StalenessSummary({ analysis, apexSamples }: { analysis: StalenessAnalysis; apexSamples: number }) {
  const bound = analysis.bound
  const verdict =
    analysis.withinBound === undefined ? null : analysis.withinBound ? 'within the bound' : 'beyond the bound'
  return (
    <section className="summary" aria-labelledby="summary-title" data-testid="watch-summary">
      <h3 id="summary-title" className="visually-hidden">
        Staleness summary
      </h3>
      <dl className="summary__figures">
        <div className="summary__figure" data-testid="summary-max-lag" data-value={analysis.maxLagMs ?? ''}>
          <dt>Max lag</dt>
          <dd>
            {formatSeconds(analysis.maxLagMs)}
            <span className="summary__sub">apex behind target</span>
          </dd>
        </div>
        <div className="summary__figure" data-testid="summary-median-lag" data-value={analysis.medianLagMs ?? ''}>
          <dt>Median lag</dt>
          <dd>
            {formatSeconds(analysis.medianLagMs)}
            <span className="summary__sub">over {analysis.followed} followed change{analysis.followed === 1 ? '' : 's'}</span>
          </dd>
        </div>
        <div className="summary__figure" data-testid="summary-changes">
          <dt>Target changes</dt>
          <dd>
            {analysis.followed} of {analysis.changes}
            <span className="summary__sub">followed by the apex</span>
          </dd>
        </div>
        <div className="summary__figure" data-testid="summary-mismatched" data-value={analysis.mismatchedSamples}>
          <dt>Mismatched samples</dt>
          <dd>
            {analysis.mismatchedSamples}
            <span className="summary__sub">
              of {apexSamples} · {formatSeconds(analysis.mismatchedMs)} stale
            </span>
          </dd>
        </div>
        <div className={`summary__figure summary__figure--bound${analysis.withinBound === false ? ' is-beyond' : ''}`} data-testid="summary-bound">
          <dt>Bound · measured</dt>
          <dd>
            {bound ? `${bound.seconds} s` : '—'} · {formatSeconds(analysis.maxLagMs)}
            {verdict && <span className="summary__sub summary__verdict">{verdict}</span>}
          </dd>
        </div>
        <div className="summary__figure" data-testid="summary-resolution">
          <dt>Sampling resolution</dt>
          <dd>
            {formatSeconds(analysis.samplingResolutionMs)}
            <span className="summary__sub">a change can be seen this late</span>
          </dd>
        </div>
      </dl>
      <ul className="summary__lines">
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
  const policyText =
    bound.policy === 'passthrough'
      ? `passes the target's remaining TTL through (${bound.targetTtl} s at most), whatever the ALIAS record says`
      : bound.policy === 'fixed'
        ? `gives the apex min(ALIAS TTL ${bound.apexTtl} s, the target's TTL as fetched ${bound.targetTtl} s) = ${bound.servedApexTtl} s, without counting down`
        : `gives the apex min(ALIAS TTL ${bound.apexTtl} s, the target's TTL left) — at most ${bound.servedApexTtl} s`
  const lag = analysis.maxLagMs
  return (
    <Explain testId="explain-lag">
      {lag !== undefined ? (
        <>
          <strong>Why the apex lagged {formatSeconds(lag)} behind its target.</strong>{' '}
        </>
      ) : (
        <strong>How far the apex can lag behind its target. </strong>
      )}
      The ALIAS server does not learn of a change at the target until its cached copy of the target expires: up to the
      target's TTL, {bound.targetTtl} s. The answer it then synthesises at the apex carries a TTL of its own — under the “
      {bound.policy}” policy it {policyText} — and a resolver may keep serving the old apex answer for that long. Worst
      case: {bound.formula}
      {analysis.samplingResolutionMs > 0 && `, plus up to ${formatSeconds(analysis.samplingResolutionMs)} before a sample notices`}.
      {lag !== undefined &&
        (analysis.withinBound
          ? ' The measured lag stays within that bound.'
          : ' The measured lag exceeds it: something held the old answer longer than its TTL (a resolver with a TTL floor, or serve-stale).')}
    </Explain>
  )
}
