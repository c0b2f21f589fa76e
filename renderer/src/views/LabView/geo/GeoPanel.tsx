import { useState } from 'react'
import type { GeoFile } from '@shared/geo'
import { exampleGeo } from '@shared/geo-example'
import type { LabStatus } from '@shared/lab'
import { ErrorMessage } from '../../../components/ErrorMessage/ErrorMessage'
import { Explain } from '../../../context/TeachingContext'
import { useLabOptions } from '../../../hooks/useLab'
import { draftOf, geoOf, type GeoDraft } from './geo-draft'
import { GeoRegionRows } from './GeoRegionRows'
import styles from './GeoPanel.module.css'

interface GeoPanelProps {
  geo: GeoFile | null
  /** The simulated target's name: the geo CDN answers for it. */
  target: string
  onStatus(status: LabStatus): void
}

/** The geo CDN: the simulated target answers by client subnet (ECS, else the source address), region by region. */
export function GeoPanel({ geo, target, onStatus }: GeoPanelProps) {
  const options = useLabOptions(onStatus)
  const [draft, setDraft] = useState<GeoDraft>(() => draftOf(geo ?? exampleGeo(target)))
  const [saved, setSaved] = useState(false)
  const checked = geoOf(draft)
  const edit = (next: GeoDraft) => {
    setDraft(next)
    setSaved(false)
  }
  const toggle = async (on: boolean) => {
    if (await options.setGeo(on ? (checked.geo ?? exampleGeo(target)) : null)) setSaved(false)
  }
  const save = async () => {
    if (checked.geo && (await options.setGeo(checked.geo))) setSaved(true)
  }

  return (
    <section className={styles.panel} aria-labelledby="lab-geo-title" data-testid="lab-geo" data-on={geo !== null}>
      <h2 id="lab-geo-title">Geo regions</h2>
      <label className="checkbox">
        <input type="checkbox" checked={geo !== null} disabled={options.busy} onChange={(e) => void toggle(e.target.checked)} data-testid="lab-geo-on" />
        <code>{draft.target}</code> answers by client subnet
      </label>
      {geo !== null && (
        <>
          <label className={styles.ttl}>
            TTL <input className="input--port" inputMode="numeric" value={draft.ttl} onChange={(e) => edit({ ...draft, ttl: e.target.value })} data-testid="lab-geo-ttl" />
          </label>
          <GeoRegionRows draft={draft} onChange={edit} />
          <div className={styles.actions}>
            <button type="button" className="button--quiet" onClick={() => edit({ ...draft, regions: [...draft.regions, { name: `region${draft.regions.length + 1}`, prefix: '', a: '', aaaa: '' }] })} disabled={draft.regions.length >= 256} data-testid="lab-geo-add">
              Add region
            </button>
            <button type="button" onClick={() => void save()} disabled={!checked.geo || options.busy} data-testid="lab-geo-save">
              Save and serve regions
            </button>
            {saved && (
              <span className="muted" role="status" data-testid="lab-geo-saved">
                Saved: served from the next query.
              </span>
            )}
          </div>
          {checked.problems.length > 0 && (
            <ul className={styles.problems} data-testid="lab-geo-problems">
              {checked.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {options.error && <ErrorMessage error={options.error} testId="lab-geo-error" />}
      <Explain testId="explain-geo">
        A CDN picks the node nearest to whoever asks. It sees the client’s subnet when the query carries EDNS Client
        Subnet (RFC 7871), else the address the query came from. Behind an ALIAS the one asking is the ALIAS server:
        unless its profile forwards ECS (powerdns, dnsimple), every user gets the node for the server’s own address,
        the default here. Ask the apex with a subnet (Inspect’s “Client subnets”, or <code>dig +subnet=203.0.113.0/24</code>).
      </Explain>
    </section>
  )
}
