import type { AliasCounters } from '@shared/alias-server'
import styles from './CountersPanel.module.css'

/** The server's counters, refreshed once a second by `lab:counters`. */
export function CountersPanel({ counters }: { counters: AliasCounters | null }) {
  if (!counters) {
    return (
      <section aria-labelledby="lab-counters-title" data-testid="lab-counters">
        <h2 id="lab-counters-title">Counters</h2>
        <p className="empty">The counters start with the server (“Start server” above).</p>
      </section>
    )
  }
  const alias = counters.cacheHits + counters.cacheMisses
  const hitRate = alias > 0 ? `${Math.round((counters.cacheHits / alias) * 100)} %` : '—'
  const figures: Array<[string, string | number, string]> = [
    ['Queries', counters.queries, 'queries'],
    ['Per second', counters.qps.toFixed(1), 'qps'],
    ['UDP · TCP', `${counters.udpQueries} · ${counters.tcpQueries}`, 'transports'],
    ['Cache hits', counters.cacheHits, 'hits'],
    ['Cache misses', counters.cacheMisses, 'misses'],
    ['Hit rate', hitRate, 'hit-rate'],
    ['Refreshes', counters.refreshes, 'refreshes'],
    ['Coalesced', counters.coalesced, 'coalesced'],
    ['Upstream queries', counters.upstreamQueries, 'upstream'],
    ['Upstream failures', counters.upstreamFailures, 'failures'],
    ['Stale answers', counters.staleAnswers, 'stale'],
    ['Truncated', counters.truncated, 'truncated'],
    ['Rate limited', counters.rateLimited, 'rate-limited'],
    ['Log dropped', counters.logDropped, 'log-dropped']
  ]
  const rcodes = Object.entries(counters.rcodes).sort((a, b) => b[1] - a[1])
  return (
    <section aria-labelledby="lab-counters-title" data-testid="lab-counters">
      <h2 id="lab-counters-title">Counters</h2>
      <dl className={styles.counters}>
        {figures.map(([label, value, id]) => (
          <div key={id} className={styles.item} data-testid={`counter-${id}`} data-value={value}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {counters.lookupCost && (
        <p data-testid="lab-lookup-cost" data-added-ms={counters.lookupCost.addedMs ?? ''} data-paid={counters.lookupCost.paid}>
          {counters.lookupCost.text}
        </p>
      )}
      {rcodes.length > 0 && (
        <p className={`muted ${styles.rcodes}`}>
          Responses: {rcodes.map(([code, n]) => `${code} ${n}`).join(' · ')}
        </p>
      )}
    </section>
  )
}
