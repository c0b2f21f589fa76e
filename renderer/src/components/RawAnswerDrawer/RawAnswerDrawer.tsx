import { useEffect, useRef, useState } from 'react'
import type { DnsQueryResult, DnsRecord } from '@shared/dns'
import { displayName } from '../../model/inspect/inspect-model'
import { formatDuration } from '../../format/time'
import type { RawAnswerState } from '../../hooks/useRawAnswer'
import { ErrorMessage } from '../ErrorMessage/ErrorMessage'
import { HexDump } from '../HexDump/HexDump'
import { TtlCountdown } from '../TtlCountdown/TtlCountdown'
import { copyText } from '../../clipboard'

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


function Records({ title, records, receivedAtMs }: { title: string; records: DnsRecord[]; receivedAtMs: number }) {
  return (
    <section className="raw__section" data-testid={`raw-section-${title.toLowerCase()}`}>
      <h3>
        {title} <span className="muted">({records.length})</span>
      </h3>
      {records.length === 0 ? (
        <p className="muted">Empty.</p>
      ) : (
        <table className="data-table raw__records">
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
                  <TtlCountdown receivedAtMs={receivedAtMs} ttl={r.ttl} testId="raw-ttl" />
                </td>
                <td>{r.class}</td>
                <td>{r.type}</td>
                <td className="raw__data">
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

function Edns({ result }: { result: DnsQueryResult }) {
  const edns = result.edns
  if (!edns) {
    return (
      <section className="raw__section" data-testid="raw-edns">
        <h3>EDNS</h3>
        <p className="muted">The response carried no OPT record.</p>
      </section>
    )
  }
  return (
    <section className="raw__section" data-testid="raw-edns">
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
                  <span key={i} className="ede">
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

/** The raw answer as a side drawer: header, sections, EDNS, the bytes, and the dig command. */
export function RawAnswerDrawer({ state, onClose }: { state: Exclude<RawAnswerState, { status: 'closed' }>; onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null)
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle')
  const { request } = state

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    closeRef.current?.focus()
    return () => opener?.focus()
  }, [])

  // the drawer covers half the window: Escape closes it wherever the focus went (a field's own Escape,
  // e.g. the target list's, stops the event before it gets here)
  const closeLatest = useRef(onClose)
  closeLatest.current = onClose
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closeLatest.current()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const dig = state.status === 'ready' || state.status === 'error' ? state.dig : null

  return (
    <aside
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby="raw-title"
      data-testid="raw-drawer"
      data-state={state.status}
    >
      <header className="drawer__head">
        <h2 id="raw-title">
          Raw answer · <code>{displayName(request.name)}</code> {request.type}
        </h2>
        <button type="button" ref={closeRef} className="button-secondary" onClick={onClose} data-testid="raw-close">
          Close
        </button>
      </header>
      <p className="muted drawer__sub">
        {request.side === 'apex' ? 'Apex' : 'Target'} answer via {request.resolverLabel}, asked again just now (with NSID and a
        client cookie) so every byte can be shown.
      </p>
      <div className="drawer__dig">
        <code className="dig" data-testid="dig-command">
          {dig ?? (state.status === 'loading' ? '…' : 'dig command unavailable')}
        </code>
        <button
          type="button"
          data-testid="copy-dig"
          disabled={!dig}
          onClick={() => {
            if (dig) void copyText(dig).then((ok) => setCopied(ok ? 'done' : 'failed'))
          }}
        >
          Copy as dig command
        </button>
        <span role="status" className="muted" data-testid="copy-status">
          {copied === 'done' ? 'Copied.' : copied === 'failed' ? 'Copy failed: select the command and copy it.' : ''}
        </span>
      </div>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Asking {request.resolverLabel}…
        </p>
      )}
      {state.status === 'error' && <ErrorMessage error={state.error} testId="raw-error" />}
      {state.status === 'ready' && (
        <div className="drawer__body">
          <section className="raw__section" data-testid="raw-header">
            <h3>Header</h3>
            <dl className="facts">
              <div className="facts__row">
                <dt>ID · opcode · rcode</dt>
                <dd>
                  {state.result.header.id} · {state.result.header.opcode} · <strong>{state.result.header.rcode}</strong>
                </dd>
              </div>
              <div className="facts__row">
                <dt>Flags</dt>
                <dd className="flags">
                  {FLAG_NAMES.map((f) => (
                    <span
                      key={f}
                      className={`flag${state.result.header.flags[f] ? ' is-set' : ''}`}
                      title={FLAG_TITLES[f]}
                      data-testid={`flag-${f}`}
                      data-set={state.result.header.flags[f]}
                    >
                      {f}
                      <span className="visually-hidden">{state.result.header.flags[f] ? ' set' : ' clear'}</span>
                    </span>
                  ))}
                </dd>
              </div>
              <div className="facts__row">
                <dt>Transport · server</dt>
                <dd>
                  {state.result.transport.toUpperCase()} · {state.result.server.host}#{state.result.server.port}
                  {state.result.truncatedRetried ? ' · retried over TCP after TC' : ''}
                </dd>
              </div>
              <div className="facts__row">
                <dt>
                  <span className="metric-label">RTT</span>
                </dt>
                <dd data-testid="raw-rtt">
                  {formatDuration(state.result.timing.exchangeMs)} exchange · {formatDuration(state.result.timing.totalMs)} total
                  {state.result.timing.connectMs !== undefined ? ` · ${formatDuration(state.result.timing.connectMs)} connect` : ''} ·{' '}
                  {state.result.attempts} attempt{state.result.attempts === 1 ? '' : 's'}
                </dd>
              </div>
              <div className="facts__row">
                <dt>Sizes</dt>
                <dd>
                  query {state.result.sizes.query} bytes · response {state.result.sizes.response} bytes
                </dd>
              </div>
            </dl>
          </section>
          <section className="raw__section">
            <h3>Question</h3>
            <p>
              <code>
                {state.result.question.name} {state.result.question.class} {state.result.question.type}
              </code>
            </p>
          </section>
          <Records title="Answer" records={state.result.answer} receivedAtMs={state.result.receivedAtWallMs} />
          <Records title="Authority" records={state.result.authority} receivedAtMs={state.result.receivedAtWallMs} />
          <Records title="Additional" records={state.result.additional} receivedAtMs={state.result.receivedAtWallMs} />
          <Edns result={state.result} />
          <section className="raw__section">
            <h3>Response bytes</h3>
            <HexDump hex={state.result.raw.response} label="Response bytes" />
          </section>
        </div>
      )}
    </aside>
  )
}
