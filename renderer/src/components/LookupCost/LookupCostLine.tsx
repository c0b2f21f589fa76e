import type { LookupCost } from '@shared/alias-server'

const ms = (n: number | null): string => (n === null ? '—' : `${n} ms`)

/** "ALIAS adds about N ms when the target is not cached; M% of answers … paid it", with the figures behind it. */
export function LookupCostLine({ cost }: { cost: LookupCost | undefined }) {
  if (!cost) return null
  return (
    <section className="panel lookup-cost" aria-label="Cost of the extra lookup" data-testid="lookup-cost" data-added-ms={cost.addedMs ?? ''}>
      <p>
        <strong>{cost.text}.</strong>
      </p>
      {cost.source === 'timing' && (
        <p className="muted">
          At the zone’s own server: apex answers cold {ms(cost.coldMs)}, warm {ms(cost.warmMs)}; {cost.staticName ?? 'a static name'} {ms(cost.staticMs)}
          ; {cost.paid} of {cost.answers} apex answers took clearly longer than the static ones.
        </p>
      )}
    </section>
  )
}
