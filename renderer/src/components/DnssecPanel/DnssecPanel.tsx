import type { ApexDnssec, InspectResult, RrsetSignatures } from '@shared/inspector'
import { Explain } from '../../context/TeachingContext'
import styles from './DnssecPanel.module.css'

const when = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

function Signatures({ set }: { set: RrsetSignatures }) {
  if (set.records === 0) return <span className="muted">no records</span>
  if (!set.signed) return <strong className="warning-text">no RRSIG</strong>
  return (
    <>
      {set.signatures.map((s) => (
        <div key={`${s.keyTag}-${s.expiration}`} data-status={s.status}>
          key {s.keyTag} (alg {s.algorithm}) · {when(s.inception)} → {when(s.expiration)} UTC ·{' '}
          <span className={s.status === 'valid' || s.status === 'unchecked' ? '' : 'warning-text'}>{s.status}</span>
        </div>
      ))}
    </>
  )
}

const verdictText = (d: ApexDnssec): string =>
  d.validation === 'no-trust-anchor' ? 'not checked (no trust anchor)' : `${d.validation}${d.agreesWithResolver === false ? ' · the resolver disagrees' : ''}`

/** Per resolver: AD, the apex RRSIGs with key and window, and our own validation against the resolver's AD. */
export function DnssecPanel({ result }: { result: InspectResult }) {
  const rows = result.resolvers.filter((r) => r.dnssec)
  if (rows.length === 0) return null
  return (
    <section className={`panel ${styles.dnssec}`} data-testid="dnssec-panel">
      <h3>DNSSEC of the apex</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Resolver</th>
            <th scope="col">AD</th>
            <th scope="col">Apex A</th>
            <th scope="col">Apex AAAA</th>
            <th scope="col">Own validation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const d = r.dnssec!
            return (
              <tr key={r.label} data-testid="dnssec-row" data-validation={d.validation} data-ad={d.ad}>
                <td>{r.label}</td>
                <td>
                  {d.ad ? 'set' : 'not set'} <span className="muted">({d.rcode})</span>
                </td>
                <td>
                  <Signatures set={d.a} />
                </td>
                <td>
                  <Signatures set={d.aaaa} />
                </td>
                <td title={d.reason}>
                  <span className={d.validation === 'bogus' ? 'warning-text' : ''}>{verdictText(d)}</span>
                  <div className="muted">{d.reason}</div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <Explain testId="explain-alias-dnssec">
        <strong>Why an ALIAS answer must be signed when it is asked for.</strong> The apex addresses are copied from the
        target at query time, so no signature made in advance can cover them: the provider signs them on the fly
        (Cloudflare, Route 53), serves them unsigned so that validating resolvers reject them with SERVFAIL (PowerDNS,
        issues #10150 and #18040), or refuses ALIAS in signed zones (Technitium, Google Cloud DNS). AD is what a
        validating resolver says; the own validation checks the RRSIGs from the trust anchor you give.
      </Explain>
    </section>
  )
}
