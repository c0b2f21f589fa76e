import type { DnsQueryResult } from '@shared/dns'
import styles from './RawAnswerDrawer.module.css'

/** The OPT record: version, UDP size, DO, NSID, cookie, ECS, EDE, padding and any other options. */
export function RawEdns({ result }: { result: DnsQueryResult }) {
  const edns = result.edns
  if (!edns) {
    return (
      <section className={styles.section} data-testid="raw-edns">
        <h3>EDNS</h3>
        <p className="muted">The response carried no OPT record.</p>
      </section>
    )
  }
  return (
    <section className={styles.section} data-testid="raw-edns">
      <h3>EDNS</h3>
      <dl className="facts">
        <div className="facts__row">
          <dt>Version · UDP size · DO</dt>
          <dd>
            {edns.version} · {edns.udpSize} bytes · {edns.dnssecOk ? 'DO set' : 'DO clear'}
          </dd>
        </div>
        <div className="facts__row">
          <dt>NSID</dt>
          <dd data-testid="raw-nsid">{edns.nsid ? `${edns.nsid.text || '(binary)'} (hex ${edns.nsid.hex})` : 'none'}</dd>
        </div>
        <div className="facts__row">
          <dt>Cookie</dt>
          <dd>{edns.cookie ? `client ${edns.cookie.client}${edns.cookie.server ? ` · server ${edns.cookie.server}` : ' · no server cookie'}` : 'none'}</dd>
        </div>
        <div className="facts__row">
          <dt>Client subnet (ECS)</dt>
          <dd>
            {edns.clientSubnet
              ? `${edns.clientSubnet.subnet} · source /${edns.clientSubnet.sourcePrefixLength} · scope /${edns.clientSubnet.scopePrefixLength}`
              : 'none'}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Extended errors (EDE)</dt>
          <dd data-testid="raw-ede">
            {edns.ede.length === 0
              ? 'none'
              : edns.ede.map((e, i) => (
                  <span key={i} className={styles.ede}>
                    {e.code} {e.name}
                    {e.text ? `: "${e.text}"` : ''}
                  </span>
                ))}
          </dd>
        </div>
        {edns.padding !== undefined && (
          <div className="facts__row">
            <dt>Padding</dt>
            <dd>{edns.padding} octets</dd>
          </div>
        )}
        {edns.options.length > 0 && (
          <div className="facts__row">
            <dt>Other options</dt>
            <dd>{edns.options.map((o) => `${o.code}: ${o.hex || '(empty)'}`).join(' · ')}</dd>
          </div>
        )}
      </dl>
    </section>
  )
}
