import type { RecentDomain } from '@shared/preferences'
import { formatDateTime } from '../../format/time'
import styles from './RecentDomains.module.css'

interface RecentDomainsProps {
  domains: readonly RecentDomain[]
  onPick(domain: RecentDomain): void
  onRemove(apex: string): void
}

/** Recently inspected apexes (saved on the main side): a click fills the query bar. */
export function RecentDomains({ domains, onPick, onRemove }: RecentDomainsProps) {
  if (domains.length === 0) return null
  return (
    <div className={styles.recent} data-testid="recent-domains">
      <span className={styles.title} id="recent-title">
        Recent
      </span>
      <ul className="chips" aria-labelledby="recent-title">
        {domains.map((d) => (
          <li key={d.apex} className="chip chip--recent">
            <button
              type="button"
              className="chip__pick"
              data-testid="recent-domain"
              title={`Inspected ${formatDateTime(Date.parse(d.at))}`}
              onClick={() => onPick(d)}
            >
              {d.apex}
              {d.target && <span className="muted"> → {d.target}</span>}
            </button>
            <button type="button" className="chip__remove" aria-label={`Forget ${d.apex}`} onClick={() => onRemove(d.apex)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
