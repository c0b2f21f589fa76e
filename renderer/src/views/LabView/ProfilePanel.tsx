import type { AliasSettings } from '@shared/alias-server'
import type { Profile, ProfileId, ProfileRuleName } from '@shared/providers'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { Explain } from '../../context/TeachingContext'
import { useAnswer } from '../../hooks/useAnswer'
import { useAsk } from '../../hooks/useAsk'
import { useLab } from '../../hooks/useLab'
import { cx } from '../../class-names'
import styles from './ProfilePanel.module.css'

const RULES: Array<[ProfileRuleName, string]> = [
  ['ttl', 'TTL'],
  ['targetNxdomain', 'Target NXDOMAIN'],
  ['targetNodata', 'Target NODATA'],
  ['targetFailure', 'Target SERVFAIL or timeout'],
  ['resolution', 'Resolution timeout'],
  ['negativeCaching', 'Negative caching'],
  ['ecs', 'ECS forwarding'],
  ['placement', 'Where an alias may stand'],
  ['targets', 'What it may point at'],
  ['aliasTypeQuery', 'Query for the alias type'],
  ['synthesized', 'Synthesised records'],
  ['axfr', 'AXFR'],
  ['dnssec', 'DNSSEC']
]

function Trust({ rule }: { rule: Profile[ProfileRuleName] }) {
  if (rule.source === null) return <span className={cx(styles.trust, styles.assumed)}>assumption</span>
  return <span className={cx(styles.trust, rule.checked ? styles.checked : styles.unchecked)}>{rule.checked ? 'checked' : 'not checked'}</span>
}

function Source({ rule }: { rule: Profile[ProfileRuleName] }) {
  const s = rule.source
  if (!s) return <span className="muted">no source</span>
  return /^https?:\/\//.test(s.url) ? (
    <a href={s.url} target="_blank" rel="noreferrer" data-testid="profile-source">
      {s.title}
    </a>
  ) : (
    <span title={s.url}>{s.title}</span>
  )
}

/** The provider profile the lab server behaves like, each rule with its source one click away. */
export function ProfilePanel({ settings, onSettings }: { settings: AliasSettings; onSettings(settings: AliasSettings): void }) {
  const { value: profiles, error, setError, take } = useAnswer<Profile[]>([])
  const lab = useLab()
  useAsk((api) => api.lab.profiles(), take)
  const pick = async (profile: ProfileId) => {
    const r = await lab.updateSettings({ profile })
    if (r.ok) onSettings(r.value)
    else setError(r.error)
  }
  const current = profiles.find((p) => p.id === settings.profile)

  return (
    <div data-testid="lab-profile">
      <div className={styles.head}>
        <h2 id="lab-profile-title">Provider profile</h2>
        <select value={settings.profile} onChange={(e) => void pick(e.target.value as ProfileId)} aria-labelledby="lab-profile-title" data-testid="lab-profile-picker">
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {current && (
        <>
          <p className={styles.summary} data-testid="lab-profile-summary">
            {current.summary}
          </p>
          <table className={styles.rules} data-testid="lab-profile-rules">
            <tbody>
              {RULES.map(([name, label]) => (
                <tr key={name} data-rule={name}>
                  <th scope="row">{label}</th>
                  <td>{current[name].text}</td>
                  <td>
                    <Trust rule={current[name]} />
                  </td>
                  <td>
                    <Source rule={current[name]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {current.notes.map((n) => (
            <p key={n} className={`muted ${styles.note}`}>
              {n}
            </p>
          ))}
        </>
      )}
      {error && <ErrorMessage error={error} testId="lab-profile-error" />}
      <Explain testId="explain-profile">
        A profile sets how the server answers: the TTL it gives the synthesised addresses and what a broken target
        turns into. Rules marked “assumption” have no public source; “not checked” ones have a source that does not
        say it in so many words. The TTL menu above overrides the profile’s TTL rule.
      </Explain>
    </div>
  )
}
