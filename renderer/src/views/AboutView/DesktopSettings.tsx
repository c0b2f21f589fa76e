import { DOC_LINKS } from '@shared/doc-links'
import { useNotifications } from '../../hooks/useNotifications'
import styles from './DesktopSettings.module.css'

/** The notifications setting (kept in preferences.json) and the documentation the app links to. */
export function DesktopSettings({ desktop }: { desktop: boolean }) {
  const { enabled: notifications, change } = useNotifications()
  return (
    <>
      <section className="panel" aria-labelledby="notifications-title">
        <h2 id="notifications-title">Notifications</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={notifications ?? true}
            disabled={notifications === null}
            onChange={(event) => void change(event.target.checked)}
            data-testid="notifications-toggle"
          />
          Notify me when a running watch goes stale beyond its bound, or when a resolver starts failing
        </label>
        {!desktop && <p className="muted">Notifications come from the desktop app; browser mode keeps the setting for it.</p>}
      </section>
      <section className="panel" aria-labelledby="reading-title">
        <h2 id="reading-title">Further reading</h2>
        <ul className={styles.docLinks} data-testid="doc-links">
          {DOC_LINKS.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noreferrer noopener">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
