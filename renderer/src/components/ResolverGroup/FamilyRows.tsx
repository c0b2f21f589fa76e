import type { Family, InspectResult, ResolverInspection, RrsetObservation } from '@shared/inspector'
import { alignFamily, cacheFor, countRows, displayName, emptyText, type AlignedRow } from '../../model/inspect/inspect-model'
import type { RawAnswerRequest } from '../../hooks/useRawAnswer'
import { TtlCountdown } from '../TtlCountdown/TtlCountdown'
import styles from './ResolverGroup.module.css'
import { cx } from '../../class-names'

const MARKS: Record<AlignedRow['kind'], { text: string; title: string }> = {
  match: { text: '= same', title: 'The same address on both sides' },
  'only-apex': { text: '◀ only apex', title: 'Only the apex has this address' },
  'only-target': { text: 'only target ▶', title: 'Only the target has this address' }
}

interface RawButtonProps {
  side: 'apex' | 'target'
  observation: RrsetObservation | undefined
  inspection: ResolverInspection
  onRaw(request: RawAnswerRequest): void
}

function RawButton({ side, observation: o, inspection, onRaw }: RawButtonProps) {
  return (
    o && (
      <button
        type="button"
        className="button-link raw-button"
        data-testid={`raw-${side}-${o.type}`}
        aria-label={`Raw answer for ${displayName(o.name)} ${o.type} via ${inspection.label}`}
        onClick={() => onRaw({ resolver: inspection.resolver, resolverLabel: inspection.label, side, name: o.name, type: o.type })}
      >
        Raw
      </button>
    )
  )
}

interface FamilyRowsProps {
  family: Family
  familyKey: 'a' | 'aaaa'
  result: InspectResult
  inspection: ResolverInspection
  onRaw(request: RawAnswerRequest): void
}

/** One address family of one resolver: its TTLs and cache age, then apex and target addresses aligned row by row. */
export function FamilyRows({ family, familyKey, result, inspection, onRaw }: FamilyRowsProps) {
  const apex = inspection.apex[familyKey]
  const target = inspection.target?.[familyKey]
  const rows = alignFamily(family, apex, target)
  const counts = countRows(rows)
  const cache = cacheFor(inspection, family)
  const authTtl = result.authoritative?.ttls[family]
  return (
    <tbody data-testid={`family-${family}`}>
      <tr className={styles.familyRow}>
        <th scope="rowgroup">{family}</th>
        <td>
          <div className={styles.meta}>
            {authTtl !== undefined && (
              <span data-testid="authoritative-ttl" title="The TTL the zone's own servers give (AA answer)">
                <span className="metric-label">Auth TTL</span> {authTtl} s
              </span>
            )}
            {cache && (
              <span className={cx(styles.cache, styles[cache.state])} data-testid="cache-age">
                {cache.text}
              </span>
            )}
            {apex.authoritative && <span className="badge" title="The resolver answered with AA=1: it is authoritative">AA</span>}
            <RawButton side="apex" observation={apex} inspection={inspection} onRaw={onRaw} />
          </div>
        </td>
        <td className={styles.counts}>
          {rows.length > 0 && inspection.target && (
            <span title={`${counts.match} same, ${counts.onlyApex} only apex, ${counts.onlyTarget} only target`}>
              {counts.match}/{rows.length} same
            </span>
          )}
        </td>
        <td>
          <div className={styles.meta}>
            {target?.effectiveTtl !== undefined && target.chain.length > 0 && (
              <span title="The lowest TTL along the CNAME chain and the records">
                <span className="metric-label">Chain TTL</span> {target.effectiveTtl} s
              </span>
            )}
            <RawButton side="target" observation={target} inspection={inspection} onRaw={onRaw} />
          </div>
        </td>
      </tr>
      {rows.map((row) => (
        <tr
          key={row.key}
          // without a target there is nothing to compare with: no "only apex" marks
          className={`${styles.row}${inspection.target ? ` ${styles[`row-${row.kind}`]}` : ''}`}
          data-testid="aligned-row"
          data-kind={inspection.target ? row.kind : 'alone'}
          data-family={family}
          data-address={row.address}
        >
          <td className={styles.type}>{family}</td>
          <td className={styles.cell} data-testid="apex-cell">
            {row.apex ? (
              <>
                <code className="addr">{row.apex.data}</code>
                <TtlCountdown receivedAtMs={row.apex.receivedAtWallMs} ttl={row.apex.ttl} testId="apex-ttl" layout="trailing" />
              </>
            ) : (
              <span className="muted">not in the apex answer</span>
            )}
          </td>
          {inspection.target ? (
            <td className={`${styles.mark} ${styles[`mark-${row.kind}`]}`} title={MARKS[row.kind].title}>
              {MARKS[row.kind].text}
            </td>
          ) : (
            <td className={styles.mark} />
          )}
          <td className={styles.cell} data-testid="target-cell">
            {row.target ? (
              <>
                <code className="addr">{row.target.data}</code>
                <TtlCountdown receivedAtMs={row.target.receivedAtWallMs} ttl={row.target.ttl} testId="target-ttl" layout="trailing" />
              </>
            ) : (
              <span className="muted">{inspection.target ? 'not in the target answer' : ''}</span>
            )}
          </td>
        </tr>
      ))}
      {(apex.records.length === 0 || (target && target.records.length === 0)) && (
        <tr className={`${styles.row} ${styles.rowEmpty}`}>
          <td className={styles.type}>{family}</td>
          <td className={`${styles.cell} muted`} data-testid="apex-empty">
            {apex.records.length === 0 ? emptyText(apex) : ''}
          </td>
          <td />
          <td className={`${styles.cell} muted`} data-testid="target-empty">
            {target && target.records.length === 0 ? emptyText(target) : ''}
          </td>
        </tr>
      )}
    </tbody>
  )
}
