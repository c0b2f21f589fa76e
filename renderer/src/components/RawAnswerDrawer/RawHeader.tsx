import type { DnsQueryResult } from '@shared/dns'
import { formatDuration } from '../../format/time'
import styles from './RawAnswerDrawer.module.css'

const FLAG_NAMES = ['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'] as const
const FLAG_TITLES: Record<(typeof FLAG_NAMES)[number], string> = {
  qr: 'QR: this is a response',
  aa: 'AA: authoritative answer',
  tc: 'TC: truncated',
  rd: 'RD: recursion desired',
  ra: 'RA: recursion available',
  ad: 'AD: authenticated data (DNSSEC)',
  cd: 'CD: checking disabled'
}

/** The header: id, opcode, rcode, the flags set and clear, transport, timing and sizes. */
export function RawHeader({ result }: { result: DnsQueryResult }) {
  return (
    <section className={styles.section} data-testid="raw-header">
      <h3>Header</h3>
      <dl className="facts">
        <div className="facts__row">
          <dt>ID · opcode · rcode</dt>
          <dd>
            {result.header.id} · {result.header.opcode} · <strong>{result.header.rcode}</strong>
          </dd>
        </div>
        <div className="facts__row">
          <dt>Flags</dt>
          <dd className={styles.flags}>
            {FLAG_NAMES.map((f) => (
              <span
                key={f}
                className={`${styles.flag}${result.header.flags[f] ? ` ${styles.set}` : ''}`}
                title={FLAG_TITLES[f]}
                data-testid={`flag-${f}`}
                data-set={result.header.flags[f]}
              >
                {f}
                <span className="visually-hidden">{result.header.flags[f] ? ' set' : ' clear'}</span>
              </span>
            ))}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Transport · server</dt>
          <dd>
            {result.transport.toUpperCase()} · {result.server.host}#{result.server.port}
            {result.truncatedRetried ? ' · retried over TCP after TC' : ''}
          </dd>
        </div>
        <div className="facts__row">
          <dt>
            <span className="metric-label">RTT</span>
          </dt>
          <dd data-testid="raw-rtt">
            {formatDuration(result.timing.exchangeMs)} exchange · {formatDuration(result.timing.totalMs)} total
            {result.timing.connectMs !== undefined ? ` · ${formatDuration(result.timing.connectMs)} connect` : ''} ·{' '}
            {result.attempts} attempt{result.attempts === 1 ? '' : 's'}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Sizes</dt>
          <dd>
            query {result.sizes.query} bytes · response {result.sizes.response} bytes
          </dd>
        </div>
      </dl>
    </section>
  )
}
