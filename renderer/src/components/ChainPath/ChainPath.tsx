import { Fragment } from 'react'
import { displayName } from '../../model/inspect/inspect-model'
import { TtlCountdown } from '../TtlCountdown/TtlCountdown'

interface ChainPathProps {
  hops: { name: string; ttl?: number }[]
  receivedAtMs: number
  problem?: 'loop' | 'too-long'
  testId?: string
}

/** apex ⇢ target → CNAME hops → the name that holds the addresses, with each CNAME's TTL on its arrow. */
export function ChainPath({ hops, receivedAtMs, problem, testId = 'chain-path' }: ChainPathProps) {
  if (hops.length === 0) return null
  return (
    <ol className="chain" aria-label="Path from the apex to the addresses" data-testid={testId}>
      {hops.map((hop, i) => (
        <Fragment key={`${i}:${hop.name}`}>
          {i === 1 && (
            <li className="chain__arrow chain__arrow--alias" aria-label="follows (flattened)">
              <span aria-hidden="true">⇢</span>
              <span className="chain__arrow-label">follows</span>
            </li>
          )}
          {i > 1 && (
            <li className="chain__arrow" aria-label="CNAME to">
              <span aria-hidden="true">→</span>
              <span className="chain__arrow-label">CNAME</span>
              {hop.ttl !== undefined && <TtlCountdown receivedAtMs={receivedAtMs} ttl={hop.ttl} testId="chain-ttl" layout="short" />}
            </li>
          )}
          <li className={`chain__node${i === 0 ? ' chain__node--apex' : ''}${i === hops.length - 1 ? ' chain__node--end' : ''}`} data-testid="chain-node">
            {displayName(hop.name)}
          </li>
        </Fragment>
      ))}
      {problem && <li className="chain__problem">{problem === 'loop' ? 'CNAME loop' : 'chain too long'}</li>}
    </ol>
  )
}
