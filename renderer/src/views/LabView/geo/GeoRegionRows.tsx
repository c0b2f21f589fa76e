import type { DraftRegion, GeoDraft } from './geo-draft'
import styles from './GeoPanel.module.css'

/** The default set and each region's prefix and address sets, editable in place. */
export function GeoRegionRows({ draft, onChange }: { draft: GeoDraft; onChange(next: GeoDraft): void }) {
  const setRegion = (i: number, patch: Partial<DraftRegion>) => onChange({ ...draft, regions: draft.regions.map((r, j) => (j === i ? { ...r, ...patch } : r)) })
  return (
    <table className={styles.table} data-testid="lab-geo-regions">
      <thead>
        <tr>
          <th scope="col">Region</th>
          <th scope="col">Client prefix</th>
          <th scope="col">A</th>
          <th scope="col">AAAA</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <tr data-testid="lab-geo-default">
          <th scope="row">default</th>
          <td className="muted">everyone else</td>
          <td>
            <input value={draft.defaultA} onChange={(e) => onChange({ ...draft, defaultA: e.target.value })} aria-label="Default A addresses" spellCheck={false} />
          </td>
          <td>
            <input value={draft.defaultAaaa} onChange={(e) => onChange({ ...draft, defaultAaaa: e.target.value })} aria-label="Default AAAA addresses" spellCheck={false} />
          </td>
          <td />
        </tr>
        {draft.regions.map((r, i) => (
          <tr key={i} data-testid={`lab-geo-region-${i}`}>
            <td>
              <input className={styles.name} value={r.name} onChange={(e) => setRegion(i, { name: e.target.value })} aria-label={`Region ${i + 1} name`} spellCheck={false} />
            </td>
            <td>
              <input value={r.prefix} onChange={(e) => setRegion(i, { prefix: e.target.value })} aria-label={`Region ${r.name} client prefix`} placeholder="203.0.113.0/24" spellCheck={false} />
            </td>
            <td>
              <input value={r.a} onChange={(e) => setRegion(i, { a: e.target.value })} aria-label={`Region ${r.name} A addresses`} placeholder="default's" spellCheck={false} data-testid={`lab-geo-a-${i}`} />
            </td>
            <td>
              <input value={r.aaaa} onChange={(e) => setRegion(i, { aaaa: e.target.value })} aria-label={`Region ${r.name} AAAA addresses`} placeholder="default's" spellCheck={false} />
            </td>
            <td>
              <button type="button" className="button--quiet" onClick={() => onChange({ ...draft, regions: draft.regions.filter((_, j) => j !== i) })} aria-label={`Remove region ${r.name}`}>
                ✕
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
