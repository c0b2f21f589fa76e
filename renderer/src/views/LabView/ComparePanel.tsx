import { useEffect } from 'react'
import { Line, LineChart, XAxis, YAxis } from 'recharts'
import type { LabCompareRun } from '@shared/lab'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { Explain } from '../../context/TeachingContext'
import { useAnswer } from '../../hooks/useAnswer'
import { useAsk } from '../../hooks/useAsk'
import { useChartTheme } from '../../hooks/useChartTheme'
import { useLab } from '../../hooks/useLab'
import { compareLanes, DEFAULT_COMPARISON } from '../../model/lab/compare-model'
import styles from './ComparePanel.module.css'
// the same heading row as the profile panel above it
import profileStyles from './ProfilePanel.module.css'

const OUTCOME_WORDS = { ok: 'current', old: 'old address', empty: 'empty', servfail: 'SERVFAIL', timeout: 'no answer' } as const

/** The same CDN change and outage, as several providers serve it: TTL, lag and answers per profile. */
export function ComparePanel() {
  const theme = useChartTheme()
  const { value: run, setValue: setRun, error, take } = useAnswer<LabCompareRun | null>(null)
  const running = run?.running ?? false
  const lab = useLab()

  useAsk((api) => api.lab.compareGet(), (r) => void (r.ok && setRun(r.value)))
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => void lab.compareGet().then((r) => r.ok && setRun(r.value)), 1000)
    return () => clearInterval(timer)
  }, [lab, running])

  const start = async () => take(await lab.compareStart(DEFAULT_COMPARISON))
  const stop = async () => {
    const r = await lab.compareStop()
    if (r.ok) setRun(r.value)
  }
  const lanes = run ? compareLanes(run) : []
  const duration = run?.input.durationSeconds ?? DEFAULT_COMPARISON.durationSeconds
  // amber for old addresses in both schemes: the theme's stale colour is a red shade, too close to failures
  const colour = { ok: theme.accent, old: theme.dark ? '#e0a537' : '#b07800', empty: theme.muted, servfail: theme.danger, timeout: theme.danger } as const

  return (
    <div data-testid="lab-compare" data-running={running}>
      <div className={profileStyles.head}>
        <h2>Compare providers side by side</h2>
        {running ? (
          <button type="button" className="button--danger" onClick={() => void stop()} data-testid="lab-compare-stop">
            Stop
          </button>
        ) : (
          <button type="button" onClick={() => void start()} data-testid="lab-compare-start">
            Run the comparison ({duration} s)
          </button>
        )}
      </div>
      <p className="muted">
        One demo zone per profile, each on its own server, all fed by one simulated CDN: its address changes at 15 s,
        it goes silent from 45 s to 75 s and changes back at 80 s. A caching resolver asks each apex every second.
      </p>
      {run && (
        <ol className={styles.steps} data-testid="lab-compare-steps">
          {run.steps.map((s) => (
            <li key={`${s.t}-${s.text}`}>
              {s.t.toFixed(0)} s: {s.text}
            </li>
          ))}
        </ol>
      )}
      {lanes.map((lane) => (
        <div key={lane.profile} className={styles.lane} data-testid="lab-compare-lane" data-profile={lane.profile}>
          <div className={styles.label}>
            <strong>{lane.profile}</strong>
            <span className="muted" data-testid="lab-compare-lag">
              lag: {lane.lags.length > 0 ? lane.lags.map((l) => (l === null ? (running ? 'not yet' : 'not within the run') : `${l} s`)).join(', ') : '—'}
            </span>
            <span className="muted">
              while failing: {Object.entries(lane.duringFailure).map(([k, n]) => `${OUTCOME_WORDS[k as keyof typeof OUTCOME_WORDS]} ×${n}`).join(', ') || '—'}
            </span>
          </div>
          <div>
            <LineChart data={lane.points} width={520} height={70} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <XAxis dataKey="t" type="number" domain={[0, duration]} hide />
              <YAxis width={32} tick={{ fill: theme.muted, fontSize: 10 }} stroke={theme.muted} allowDecimals={false} />
              <Line dataKey="ttl" stroke={theme.accent} dot={false} isAnimationActive={false} connectNulls={false} />
            </LineChart>
            <div className={styles.strip} data-testid="lab-compare-strip" aria-label={`${lane.profile}: what clients got, second by second`}>
              {lane.outcomes.map((o) => (
                <span key={o.t} title={`${o.t} s: ${OUTCOME_WORDS[o.outcome]}`} style={{ left: `${(o.t / duration) * 100}%`, background: colour[o.outcome] }} />
              ))}
            </div>
          </div>
        </div>
      ))}
      {error && <ErrorMessage error={error} testId="lab-compare-error" />}
      <Explain testId="explain-compare">
        The line is the TTL left in the resolver’s cache; the strip below it what clients got: blue the current
        address, amber an old one, grey an empty answer, red a failure. Profiles that serve the ALIAS record’s own TTL
        keep old addresses longest; PowerDNS turns an outage into SERVFAIL, the draft and DNSimple serve the last
        good answer.
      </Explain>
    </div>
  )
}
