import type { CheckResult, ReadyExperiment } from '@shared/experiments'
import type { ExperimentProgress } from '@shared/learn'
import { Sources } from './Sources'
import styles from './ResultPanel.module.css'

interface Props {
  experiment: ReadyExperiment
  progress: ExperimentProgress | undefined
  check: CheckResult | null
  onCheck(): void
  busy: boolean
}

/** What happened against what was predicted; the explanation and its sources only once the lab has shown it. */
export function ResultPanel({ experiment, progress, check, onCheck, busy }: Props) {
  const done = progress?.state === 'done'
  const observed = done ? progress.observed : check?.observed
  const outcome = done ? progress.outcome : check?.outcome
  const label = (id: string | null | undefined) => experiment.prediction.choices.find((c) => c.id === id)?.label ?? id ?? ''
  const matched = outcome != null && outcome === progress?.prediction
  return (
    <section className={styles.result} aria-labelledby="learn-result-title" data-testid="learn-result" data-done={done}>
      <h3 id="learn-result-title">What happened</h3>
      <div role="status" aria-live="polite">
        {observed && <p data-testid="learn-observed">{observed}</p>}
        {done && (
          <p className={styles.compare} data-testid="learn-compare" data-match={matched}>
            You predicted <strong>{label(progress.prediction)}</strong>; the lab showed <strong>{label(outcome)}</strong>.{' '}
            {matched ? 'Your prediction held.' : 'Not what you predicted: read why below.'}
          </p>
        )}
      </div>
      {!done && (
        <button type="button" onClick={onCheck} disabled={busy} data-testid="learn-check">
          Check what the lab saw
        </button>
      )}
      {done && (
        <div data-testid="learn-explanation">
          <h3>Why</h3>
          {experiment.explanation.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <Sources sources={experiment.sources} />
        </div>
      )}
    </section>
  )
}
