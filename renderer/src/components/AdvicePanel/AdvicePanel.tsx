import type { AdviseInput } from '@shared/advisor'
import { useAdvice } from '../../hooks/useAdvice'
import { ErrorMessage } from '../ErrorMessage/ErrorMessage'
import styles from './AdvicePanel.module.css'

/** "Apex readiness": which technique to use for this apex and target, why, and the risks in numbers. */
export function AdvicePanel({ input }: { input: AdviseInput | null }) {
  const { advice, error, busy, run } = useAdvice()
  if (!input) return null
  return (
    <section className="card" data-testid="advice" aria-labelledby="advice-title">
      <h3 id="advice-title">Apex readiness</h3>
      <button type="button" data-testid="advise-button" onClick={() => void run(input)} disabled={busy}>
        {busy ? 'Checking…' : advice ? 'Check again' : 'Which technique fits this apex?'}
      </button>
      {error && <ErrorMessage error={error} testId="advice-error" />}
      {advice && (
        <>
          <p className={styles.summary} data-testid="advice-summary" data-recommendation={advice.recommendation}>
            {advice.summary}
          </p>
          <ul className={styles.reasons} data-testid="advice-reasons">
            {advice.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <table className="card-table" data-testid="advice-options">
            <thead>
              <tr>
                <th scope="col">Technique</th>
                <th scope="col">Staleness ≤</th>
                <th scope="col">Locality penalty</th>
                <th scope="col">DNSSEC</th>
              </tr>
            </thead>
            <tbody>
              {advice.options.map((o) => (
                <tr key={o.technique} data-technique={o.technique} data-usable={String(o.usable)} className={o.usable ? '' : styles.unusable}>
                  <th scope="row" title={o.why}>
                    {o.technique}
                    {o.usable ? '' : ' (not usable)'}
                  </th>
                  <td title={o.risk.stalenessFormula}>{o.risk.stalenessBoundSeconds} s</td>
                  <td title={o.risk.locality}>{Math.round(o.risk.localityPenalty * 100)} %</td>
                  <td>{o.risk.dnssec}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
