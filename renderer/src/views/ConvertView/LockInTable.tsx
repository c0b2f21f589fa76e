import type { ConvertReportResult } from '@shared/convert'
import styles from './LockInTable.module.css'

const LABEL = { 'as-is': 'takes it as it is', flatten: 'needs flattening', cannot: 'cannot take it' } as const

/** The lock-in report: per target, whether the zone moves as is, needs flattening, or cannot move. */
export function LockInTable({ report }: { report: ConvertReportResult }) {
  return (
    <section className="panel" aria-labelledby="lockin-title">
      <h2 id="lockin-title">Lock-in report for {report.origin}</h2>
      <table className={styles.table} data-testid="convert-lockin">
        <thead>
          <tr><th>Target</th><th>Provider</th><th>Verdict</th><th>Why</th></tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.target} data-status={row.status}>
              <td><code>{row.target}</code></td>
              <td>{row.provider}</td>
              <td className={styles[row.status]}>{LABEL[row.status]}</td>
              <td>
                {row.reasons.length === 0 ? '—' : (
                  <ul>
                    {row.reasons.map((r, i) => (
                      <li key={i}>{r.record}: {r.reason}{r.source && <> (<a href={r.source} target="_blank" rel="noreferrer">source</a>)</>}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
