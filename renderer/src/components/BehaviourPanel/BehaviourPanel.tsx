import type { InspectResult } from '@shared/inspector'
import { Explain } from '../../context/TeachingContext'
import styles from './BehaviourPanel.module.css'

/** Which provider profiles the apex's behaviour fits, the ones it rules out and why, and what was observed. */
export function BehaviourPanel({ behaviour }: { behaviour: InspectResult['behaviour'] }) {
  const { consistentWith, ruledOut, evidence } = behaviour
  return (
    <section className="card" data-testid="behaviour" aria-labelledby="behaviour-title">
      <h3 id="behaviour-title">
        Behaves like:{' '}
        <span data-testid="behaviour-consistent">{consistentWith.length > 0 ? consistentWith.join(', ') : 'no provider profile'}</span>
      </h3>
      {evidence.length > 0 && (
        <ul className={styles.evidence} data-testid="behaviour-evidence">
          {evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {ruledOut.length > 0 && (
        <details className={styles.ruledOut}>
          <summary>Ruled out ({ruledOut.length})</summary>
          <ul data-testid="behaviour-ruled-out">
            {ruledOut.map((r) => (
              <li key={r.profile} data-profile={r.profile}>
                <strong>{r.profile}</strong>: {r.because}
              </li>
            ))}
          </ul>
        </details>
      )}
      <Explain testId="explain-behaviour">
        Each provider serves an ALIAS its own way (see the lab’s provider profiles). What can be seen from outside —
        the apex TTL against the target’s and the ALIAS record’s, the name servers, the answer to a query for the
        ALIAS type — rules some out. “Behaves like” lists those nothing contradicts.
      </Explain>
    </section>
  )
}
