import type { DnsRecord } from '@shared/dns'
import { TtlCountdown } from '../TtlCountdown/TtlCountdown'
import styles from './RawAnswerDrawer.module.css'

/** One section of the message (answer, authority, additional), each TTL counting down. */
export function RawRecords({ title, records, receivedAtMs }: { title: string; records: DnsRecord[]; receivedAtMs: number }) {
  return (
    <section className={styles.section} data-testid={`raw-section-${title.toLowerCase()}`}>
      <h3>
        {title} <span className="muted">({records.length})</span>
      </h3>
      {records.length === 0 ? (
        <p className="muted">Empty.</p>
      ) : (
        <table className={`data-table ${styles.records}`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">TTL</th>
              <th scope="col">Class</th>
              <th scope="col">Type</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r, i) => (
              <tr key={i}>
                <td>
                  <code>{r.name}</code>
                </td>
                <td>
                  <TtlCountdown receivedAtMs={receivedAtMs} ttl={r.ttl} testId="raw-ttl" layout="fluid" />
                </td>
                <td>{r.class}</td>
                <td>{r.type}</td>
                <td className={styles.data}>
                  <code>{r.data}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
