import type { Family, InspectResult, ResolverInspection, RrsetObservation } from '@shared/inspector'
import {
  alignFamily,
  cacheFor,
  chainPath,
  countRows,
  displayName,
  emptyText,
  resolverFailure,
  rttMs,
  type AlignedRow
} from '../../hooks/inspect-model'
import type { RawAnswerRequest } from '../../hooks/useRawAnswer'
import { ChainPath } from '../ChainPath/ChainPath'
import { ErrorMessage } from '../ErrorMessage/ErrorMessage'
import { TtlCountdown } from '../TtlCountdown/TtlCountdown'
import { formatDuration } from '../../format/time'
import { formatResolver } from '@shared/resolver-target'

interface ResolverGroupProps {
  result: InspectResult
  inspection: ResolverInspection
  onRaw(request: RawAnswerRequest): void
}

const FAMILIES: readonly { family: Family; key: 'a' | 'aaaa' }[] = [
  { family: 'A', key: 'a' },
  { family: 'AAAA', key: 'aaaa' }
]

const MARKS: Record<AlignedRow['kind'], { text: string; title: string }> = {
  match: { text: '= same', title: 'The same address on both sides' },
  'only-apex': { text: '◀ only apex', title: 'Only the apex has this address' },
  'only-target': { text: 'only target ▶', title: 'Only the target has this address' }
}

const serverText = (inspection: ResolverInspection): string => formatResolver(inspection.resolver)

/** One resolver's answers: apex column and target column, matching addresses on the same row. */
export function ResolverGroup({ result, inspection, onRaw }: ResolverGroupProps) {
  const failure = resolverFailure(inspection)
  const rtt = rttMs(inspection)
  const targetA = inspection.target?.a
  const hops = chainPath(result, targetA ?? inspection.target?.aaaa)
  const authoritative = result.authoritative?.ttls

  const rawButton = (side: 'apex' | 'target', o: RrsetObservation | undefined) =>
    o && (
      <button
        type="button"
        className="button-link raw-button"
        data-testid={`raw-${side}-${o.type}`}
        aria-label={`Raw answer for ${displayName(o.name)} ${o.type} via ${inspection.label}`}
        onClick={() =>
          onRaw({ resolver: inspection.resolver, resolverLabel: inspection.label, side, name: o.name, type: o.type })
        }
      >
        Raw
      </button>
    )

  return (
    <section
      className={`rgroup${failure ? ' rgroup--failed' : ''}`}
      data-testid="resolver-group"
      data-resolver={inspection.label}
      aria-label={`Answers from ${inspection.label}`}
    >
      <header className="rgroup__head">
        <h3 className="rgroup__title">{inspection.label}</h3>
        <span className="badge">{inspection.resolver.transport.toUpperCase()}</span>
        {serverText(inspection) !== inspection.label && <code className="muted rgroup__server">{serverText(inspection)}</code>}
        <span className="rgroup__rtt" data-testid="resolver-rtt" title="Round-trip time of one query to this resolver">
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
          <table className="sbs">
            <colgroup>
              <col className="sbs__col-type" />
              <col className="sbs__col-side" />
              <col className="sbs__col-mark" />
              <col className="sbs__col-side" />
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
            {FAMILIES.map(({ family, key }) => {
              const apex = inspection.apex[key]
              const target = inspection.target?.[key]
              const rows = alignFamily(family, apex, target)
              const counts = countRows(rows)
              const cache = cacheFor(inspection, family)
              const authTtl = authoritative?.[family]
              return (
                <tbody key={family} className="sbs__family" data-testid={`family-${family}`}>
                  <tr className="sbs__family-row">
                    <th scope="rowgroup">{family}</th>
                    <td>
                      <div className="sbs__meta">
                        {authTtl !== undefined && (
                          <span data-testid="authoritative-ttl" title="The TTL the zone's own servers give (AA answer)">
                            <span className="metric-label">Auth TTL</span> {authTtl} s
                          </span>
                        )}
                        {cache && (
                          <span className={`cache cache--${cache.state}`} data-testid="cache-age">
                            {cache.text}
                          </span>
                        )}
                        {apex.authoritative && <span className="badge" title="The resolver answered with AA=1: it is authoritative">AA</span>}
                        {rawButton('apex', apex)}
                      </div>
                    </td>
                    <td className="sbs__counts">
                      {rows.length > 0 && inspection.target && (
                        <span title={`${counts.match} same, ${counts.onlyApex} only apex, ${counts.onlyTarget} only target`}>
                          {counts.match}/{rows.length} same
                        </span>
                      )}
                    </td>
                    <td>
                      <div className="sbs__meta">
                        {target?.effectiveTtl !== undefined && target.chain.length > 0 && (
                          <span title="The lowest TTL along the CNAME chain and the records">
                            <span className="metric-label">Chain TTL</span> {target.effectiveTtl} s
                          </span>
                        )}
                        {rawButton('target', target)}
                      </div>
                    </td>
                  </tr>
                  {rows.map((row) => (
                    <tr
                      key={row.key}
                      // without a target there is nothing to compare with: no "only apex" marks
                      className={`sbs__row sbs__row--${inspection.target ? row.kind : 'alone'}`}
                      data-testid="aligned-row"
                      data-kind={inspection.target ? row.kind : 'alone'}
                      data-family={family}
                      data-address={row.address}
                    >
                      <td className="sbs__type">{family}</td>
                      <td className="sbs__cell" data-testid="apex-cell">
                        {row.apex ? (
                          <>
                            <code className="addr">{row.apex.data}</code>
                            <TtlCountdown receivedAtMs={row.apex.receivedAtWallMs} ttl={row.apex.ttl} testId="apex-ttl" />
                          </>
                        ) : (
                          <span className="muted">not in the apex answer</span>
                        )}
                      </td>
                      {inspection.target ? (
                        <td className={`sbs__mark sbs__mark--${row.kind}`} title={MARKS[row.kind].title}>
                          {MARKS[row.kind].text}
                        </td>
                      ) : (
                        <td className="sbs__mark" />
                      )}
                      <td className="sbs__cell" data-testid="target-cell">
                        {row.target ? (
                          <>
                            <code className="addr">{row.target.data}</code>
                            <TtlCountdown receivedAtMs={row.target.receivedAtWallMs} ttl={row.target.ttl} testId="target-ttl" />
                          </>
                        ) : (
                          <span className="muted">{inspection.target ? 'not in the target answer' : ''}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                  {(apex.records.length === 0 || (target && target.records.length === 0)) && (
                    <tr className="sbs__row sbs__row--empty">
                      <td className="sbs__type">{family}</td>
                      <td className="sbs__cell muted" data-testid="apex-empty">
                        {apex.records.length === 0 ? emptyText(apex) : ''}
                      </td>
                      <td />
                      <td className="sbs__cell muted" data-testid="target-empty">
                        {target && target.records.length === 0 ? emptyText(target) : ''}
                      </td>
                    </tr>
                  )}
                </tbody>
              )
            })}
          </table>
        </>
      )}
    </section>
  )
}
