import type { InspectInput, InspectResult } from '@shared/inspector'
import type { RawAnswerRequest } from '../../hooks/useRawAnswer'
import { AdvicePanel } from '../../components/AdvicePanel/AdvicePanel'
import { AuthoritativeSummary } from '../../components/AuthoritativeSummary/AuthoritativeSummary'
import { BehaviourPanel } from '../../components/BehaviourPanel/BehaviourPanel'
import { DelegationView } from '../../components/DelegationView/DelegationView'
import { DnssecPanel } from '../../components/DnssecPanel/DnssecPanel'
import { LocalityGrid } from '../../components/LocalityGrid/LocalityGrid'
import { LookupCostLine } from '../../components/LookupCost/LookupCostLine'
import { SideBySide } from '../../components/SideBySide/SideBySide'
import { VerdictBanner } from '../../components/VerdictBanner/VerdictBanner'
import { ResultsBar, type ResultsBarProps } from './ResultsBar'
import styles from './InspectView.module.css'

interface InspectResultsProps extends ResultsBarProps {
  result: InspectResult
  /** The input of the last run: the raw view asks with its timeout, the advice with its resolvers. */
  lastInput: InspectInput | null
  runs: number
  onRaw(request: RawAnswerRequest): void
}

/** One inspection's findings: the bar above them, the verdict, the panels and the answers side by side. */
export function InspectResults({ result, lastInput, runs, onRaw, ...bar }: InspectResultsProps) {
  return (
    <div
      className={styles.results}
      data-testid="inspect-results"
      data-runs={runs}
      data-started-at={result.startedAtWallMs}
      aria-busy={bar.running}
    >
      <ResultsBar result={result} {...bar} />
      <VerdictBanner result={result} />
      <BehaviourPanel behaviour={result.behaviour} />
      <LookupCostLine cost={result.lookupCost} />
      <LocalityGrid locality={result.locality} />
      <AdvicePanel key={`${result.apex}|${result.target ?? ''}`} input={lastInput && result.target ? { ...lastInput, target: result.target } : null} />
      <SideBySide result={result} onRaw={(request) => onRaw({ ...request, ...(lastInput?.timeoutMs ? { timeoutMs: lastInput.timeoutMs } : {}) })} />
      <DnssecPanel result={result} />
      <DelegationView name={result.apex} />
      <AuthoritativeSummary view={result.authoritative} />
    </div>
  )
}
