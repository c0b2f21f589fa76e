import { type ResolverEntry, type ResolverGroup } from '@shared/resolvers'
import { GROUP_LABELS, type ResolversState } from '../../hooks/useResolvers'
import { cx } from '../../class-names'
import styles from './ResolverPicker.module.css'

const GROUP_HINTS: Record<ResolverGroup, string> = {
  system: 'The resolvers this computer is configured with.',
  public: 'Well-known public resolvers: queries leave this machine over the internet.',
  local: 'The server of the Local ALIAS lab tab, on 127.0.0.1 while it runs.',
  custom: 'Resolvers you added.'
}

const transportLabel = (entry: ResolverEntry): string => entry.target.transport.toUpperCase()

/** Where a local entry listens, which its label does not say (the lab picks a free port). */
const localAddress = (entry: ResolverEntry): string | null =>
  entry.group === 'local' && entry.available ? `${entry.target.host}:${entry.target.port}` : null

/** One group of the picker: its entries to tick (custom ones removable); Public folded, as it leaves the machine. */
export function PickerGroup({ group, resolvers, onOpenLab }: { group: ResolverGroup; resolvers: ResolversState; onOpenLab(): void }) {
  const entries = resolvers.entries.filter((e) => e.group === group)
  const list = (
    <ul className={styles.list}>
      {entries.length === 0 && (
        <li className="muted">{group === 'custom' ? 'None yet: add one below.' : 'None found.'}</li>
      )}
      {entries.map((entry) => (
        <li key={entry.id} className={styles.item} data-testid={`resolver-option-${entry.id}`}>
          <label className={cx('checkbox', !entry.available && styles.unavailable)}>
            <input
              type="checkbox"
              checked={resolvers.selectedIds.includes(entry.id) && entry.available}
              disabled={!entry.available}
              onChange={() => resolvers.toggle(entry.id)}
            />
            <span>{entry.label}</span>
            <span className="badge">{transportLabel(entry)}</span>
            {localAddress(entry) && <code className={`muted ${styles.note}`}>{localAddress(entry)}</code>}
          </label>
          {entry.note && <span className={`muted ${styles.note}`}>{entry.note}</span>}
          {!entry.builtIn && (
            <button
              type="button"
              className="button-link"
              aria-label={`Remove resolver ${entry.label}`}
              onClick={() => void resolvers.remove(entry.id)}
            >
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  )
  return group === 'public' ? (
    <details className={styles.group} data-testid="resolver-group-public">
      <summary>
        {GROUP_LABELS[group]} <span className="muted">({entries.length}) · {GROUP_HINTS[group]}</span>
      </summary>
      {list}
    </details>
  ) : (
    <fieldset className={styles.group} data-testid={`resolver-group-${group}`}>
      <legend>{GROUP_LABELS[group]}</legend>
      <p className={`muted ${styles.hint}`}>{GROUP_HINTS[group]}</p>
      {list}
      {group === 'local' && entries.length > 0 && entries.every((e) => !e.available) && (
        <p className={styles.hint} data-testid="resolver-local-stopped">
          Not running: press “Start server” in the Local ALIAS lab, then tick it here.{' '}
          <button
            type="button"
            className="button-link"
            data-testid="resolver-open-lab"
            onClick={onOpenLab}
          >
            Open the lab
          </button>
        </p>
      )}
    </fieldset>
  )
}
