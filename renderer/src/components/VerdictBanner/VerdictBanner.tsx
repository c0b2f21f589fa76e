import type { Evidence, InspectResult } from '@shared/inspector'
import { Explain } from '../../context/TeachingContext'
import styles from './VerdictBanner.module.css'

const TITLES: Record<InspectResult['verdict']['verdict'], string> = {
  likely: 'Likely aliased',
  stale: 'Aliased, stale',
  'other-target': 'Aliased elsewhere',
  'not-aliased': 'Not aliased',
  inconclusive: 'Inconclusive'
}

const STANCE: Record<Evidence['stance'], { icon: string; words: string }> = {
  for: { icon: '✓', words: 'Supports' },
  against: { icon: '✗', words: 'Against' },
  neutral: { icon: '•', words: 'Note' }
}

const FLATTENING: Record<string, string> = {
  automatic: 'flattens a CNAME at the apex automatically',
  'alias-record': 'offers an ALIAS-type record',
  aname: 'supports ANAME',
  none: 'has no apex aliasing',
  unknown: 'apex aliasing unknown'
}

const clock = (ms: number): string => new Date(ms).toLocaleTimeString([], { hour12: false })

/** The verdict, its evidence in plain words, and what the DNS host is known to do. */
export function VerdictBanner({ result }: { result: InspectResult }) {
  const { verdict } = result
  return (
    <section
      className={`${styles.verdict} ${styles[`is-${verdict.verdict}`]}`}
      data-testid="verdict-banner"
      data-verdict={verdict.verdict}
      aria-labelledby="verdict-title"
    >
      <div className={styles.head}>
        <span className={styles.kind}>{TITLES[verdict.verdict]}</span>
        <h2 id="verdict-title" className={styles.summary}>
          {verdict.summary}
        </h2>
      </div>
      <div className={styles.body}>
        {verdict.stale && verdict.stale.length > 0 && (
          <dl className={styles.stale} data-testid="verdict-stale">
            {verdict.stale.map((w) => (
              <div key={w.family} className={styles.staleRow} data-family={w.family} data-since={w.sinceWallMs} data-follow-by={w.followByWallMs}>
                <dt>{w.family}</dt>
                <dd>
                  still <code>{w.values.join(' ')}</code>
                  {w.lastSeenAtWallMs !== undefined && <> (the target's set until {clock(w.lastSeenAtWallMs)})</>}; stale since{' '}
                  {clock(w.sinceWallMs)} at the latest; must follow by <strong>{clock(w.followByWallMs)}</strong>
                  <span className="muted"> · {w.formula}</span>
                </dd>
              </div>
            ))}
          </dl>
        )}
        {verdict.evidence.length > 0 && (
          <ul className={styles.evidenceList} aria-label="Evidence" data-testid="verdict-evidence">
            {verdict.evidence.map((e, i) => (
              <li key={i} className={`${styles.evidence} ${styles[e.stance]}`}>
                <span className={styles.icon} aria-hidden="true">
                  {STANCE[e.stance].icon}
                </span>
                <span className="visually-hidden">{STANCE[e.stance].words}: </span>
                {e.text}
              </li>
            ))}
          </ul>
        )}
        {result.providers.length > 0 && (
          <div className={styles.providers} data-testid="provider-hints">
            <h3>DNS host</h3>
            <ul>
              {result.providers.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong> {FLATTENING[p.flattening] ?? p.flattening}: {p.note}{' '}
                  <span className="muted" data-testid="provider-profile">
                    ({p.profile ? `profile ${p.profile}` : 'no profile'})
                  </span>
                  {p.nsNames.length > 0 && <span className="muted"> (NS {p.nsNames.join(', ')})</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        <Explain testId="explain-flattening">
          <strong>What ALIAS / flattening does.</strong> The apex server looks the target up itself and answers the
          apex's A and AAAA questions with the target's addresses, so resolvers see ordinary address records, never a
          CNAME. That is why it can only be recognised by comparing the two answer sets, as below. When the target
          changes, the apex keeps the earlier set until the ALIAS server's copy of the target expires and then until
          resolvers' copies of the apex expire: “stale” says since when, and by when at the latest it must follow.
        </Explain>
      </div>
    </section>
  )
}
