import type { Family, InspectResult, ResolverInspection } from '@shared/inspector'
import { chainPath, displayName, resolverFailure, rttMs } from '../../model/inspect/inspect-model'
import type { RawAnswerRequest } from '../../hooks/useRawAnswer'
import { ChainPath } from '../ChainPath/ChainPath'
import { ErrorMessage } from '../ErrorMessage/ErrorMessage'
import { FamilyRows } from './FamilyRows'
import { formatDuration } from '../../format/time'
import { formatResolver } from '@shared/resolver-target'
import styles from './ResolverGroup.module.css'

interface ResolverGroupProps {
  result: InspectResult
  inspection: ResolverInspection
  onRaw(request: RawAnswerRequest): void
}

const FAMILIES: readonly { family: Family; key: 'a' | 'aaaa' }[] = [
  { family: 'A', key: 'a' },
  { family: 'AAAA', key: 'aaaa' }
]

const serverText = (inspection: ResolverInspection): string => formatResolver(inspection.resolver)

/** One resolver's answers: apex column and target column, matching addresses on the same row. */
export function ResolverGroup({ result, inspection, onRaw }: ResolverGroupProps) {
  const failure = resolverFailure(inspection)
  const rtt = rttMs(inspection)
  const targetA = inspection.target?.a
  const hops = chainPath(result, targetA ?? inspection.target?.aaaa)

  return (
    <section
      className={`${styles.group}${failure ? ` ${styles.failed}` : ''}`}
      data-testid="resolver-group"
      data-resolver={inspection.label}
      aria-label={`Answers from ${inspection.label}`}
    >
      <header className={styles.head}>
        <h3 className={styles.title}>{inspection.label}</h3>
        <span className="badge">{inspection.resolver.transport.toUpperCase()}</span>
        {serverText(inspection) !== inspection.label && <code className={`muted ${styles.server}`}>{serverText(inspection)}</code>}
        <span className={styles.rtt} data-testid="resolver-rtt" title="Round-trip time of one query to this resolver">
          <span className="metric-label">RTT</span> {rtt === undefined ? '—' : formatDuration(rtt)}
        </span>
      </header>
      {failure ? (
        <ErrorMessage error={failure} testId="resolver-error" />
      ) : (
        <>
          {hops.length > 0 && (
            <ChainPath hops={hops} receivedAtMs={(targetA ?? inspection.target!.aaaa).receivedAtWallMs} problem={targetA?.chainProblem} />
          )}
          <table className={styles.table}>
            <colgroup>
              <col className={styles.colType} />
              <col />
              <col className={styles.colMark} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">
                  Apex <code>{displayName(result.apex)}</code>
                </th>
                <th scope="col">
                  <span className="visually-hidden">Match</span>
                </th>
                <th scope="col">
                  Target {result.target ? <code>{displayName(result.target)}</code> : <span className="muted">none given or suggested</span>}
                </th>
              </tr>
            </thead>
            {FAMILIES.map(({ family, key }) => (
              <FamilyRows key={family} family={family} familyKey={key} result={result} inspection={inspection} onRaw={onRaw} />
            ))}
          </table>
        </>
      )}
    </section>
  )
}
