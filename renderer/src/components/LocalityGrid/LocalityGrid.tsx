import type { Locality } from '@shared/locality'
import styles from './LocalityGrid.module.css'

/** Subnet × apex answer × target answer × same node, and what that shows (and does not). */
export function LocalityGrid({ locality }: { locality: Locality | undefined }) {
  if (!locality) return null
  return (
    <section className="card" data-testid="locality" data-kind={locality.kind} aria-labelledby="locality-title">
      <h3 id="locality-title">Where the user is: apex and target by client subnet</h3>
      <table className="card-table" data-testid="locality-grid">
        <thead>
          <tr>
            <th scope="col">Client subnet</th>
            <th scope="col">Resolver</th>
            <th scope="col">Apex answers</th>
            <th scope="col">Target answers</th>
            <th scope="col">Node</th>
          </tr>
        </thead>
        <tbody>
          {locality.rows.map((r) => (
            <tr key={`${r.subnet}|${r.resolver}`} data-testid="locality-row" data-same={r.same === null ? 'unknown' : String(r.same)}>
              <td className="mono">{r.subnet}</td>
              <td>{r.resolver}</td>
              <td className="mono">{r.apex.join(', ') || '—'}</td>
              <td className="mono">{r.target.join(', ') || '—'}</td>
              <td className={r.same === false ? styles.apart : r.same ? styles.same : 'muted'}>
                {r.same === null ? 'no answer' : r.same ? 'same node' : 'different node'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.verdict} data-testid="locality-verdict">
        {locality.verdict}
      </p>
    </section>
  )
}
