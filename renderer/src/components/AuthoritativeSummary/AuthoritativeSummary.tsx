import type { AuthoritativeView, RrsetObservation } from '@shared/inspector'
import { displayName } from '../../model/inspect/inspect-model'
import styles from './AuthoritativeSummary.module.css'

const ttlOf = (o: RrsetObservation | undefined): string => {
  if (!o) return '—'
  if (o.status === 'error') return o.error?.code ?? 'error'
  if (o.records.length === 0) return o.status === 'nxdomain' ? 'NXDOMAIN' : 'no data'
  return `${Math.max(...o.records.map((r) => r.ttl))} s${o.authoritative ? '' : ' (not AA)'}`
}

/** What the apex zone's own servers say (RD=0 questions): the TTLs before any cache. */
export function AuthoritativeSummary({ view }: { view: AuthoritativeView | undefined }) {
  return (
    <details className={styles.authoritative} data-testid="authoritative-summary">
      <summary>
        Zone's own servers
        {view ? (
          <span className="muted">
            {' '}
            · {view.nsNames.map(displayName).join(', ') || 'no NS'} · apex TTL A {view.ttls.A ?? '?'} s, AAAA {view.ttls.AAAA ?? '?'} s
          </span>
        ) : (
          <span className="muted"> · not asked</span>
        )}
      </summary>
      {view ? (
        <>
          <p className="muted">
            NS names found through {view.via}. {view.problem && <strong className="warning-text">{view.problem}.</strong>}
          </p>
          {view.servers.length > 0 && (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name server</th>
                  <th scope="col">Address</th>
                  <th scope="col">Apex A TTL</th>
                  <th scope="col">Apex AAAA TTL</th>
                </tr>
              </thead>
              <tbody>
                {view.servers.map((s) => (
                  <tr key={`${s.address}:${s.port}`}>
                    <td>{displayName(s.nsName)}</td>
                    <td>
                      <code>
                        {s.address}#{s.port}
                      </code>
                    </td>
                    <td>{s.error ? `${s.error.code}: ${s.error.message}` : ttlOf(s.a)}</td>
                    <td>{s.error ? '' : ttlOf(s.aaaa)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : (
        <p className="muted">The zone's own servers were skipped, so only the resolvers' TTLs are known.</p>
      )}
    </details>
  )
}
