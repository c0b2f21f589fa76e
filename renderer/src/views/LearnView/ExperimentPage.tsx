import { useEffect, useRef } from 'react'
import type { ReadyExperiment } from '@shared/experiments'
import type { ExperimentProgress, LearnSaveInput } from '@shared/learn'
import { PredictionForm } from './PredictionForm'
import { ResultPanel } from './ResultPanel'
import { StepList } from './StepList'
import { useExperimentRun } from './useExperimentRun'
import styles from './ExperimentPage.module.css'

interface Props {
  experiment: ReadyExperiment
  progress: ExperimentProgress | undefined
  save(input: LearnSaveInput): Promise<void>
}

/** One experiment: prepare the lab, predict, run the steps on the real lab, see what happened and why. */
export function ExperimentPage({ experiment, progress, save }: Props) {
  const run = useExperimentRun(experiment, progress, save)
  const heading = useRef<HTMLHeadingElement>(null)
  // the heading takes the focus when the page opens, so keyboard and screen-reader users land on it
  useEffect(() => heading.current?.focus(), [experiment.id])
  const prepared = progress?.startedAt != null
  const predicted = progress?.prediction ?? null
  return (
    <article className={styles.experiment} data-testid="learn-experiment" data-id={experiment.id} data-state={progress?.state ?? 'new'} aria-labelledby="learn-experiment-title">
      <h2 id="learn-experiment-title" ref={heading} tabIndex={-1}>
        {experiment.number}. {experiment.title}
      </h2>
      <p className={styles.question}>{experiment.question}</p>
      <p>
        <strong>Goal:</strong> {experiment.goal}
      </p>
      {experiment.later && <p className="muted" data-testid="learn-later">Coming later: {experiment.later}</p>}

      <section aria-labelledby="learn-prepare-title">
        <h3 id="learn-prepare-title">1. Prepare the lab</h3>
        <p>Starts the lab server if needed and resets its zone, profile, target, cache and query log to this experiment's starting state.</p>
        <button type="button" onClick={() => void run.reset()} disabled={run.busy !== null} data-testid="learn-reset">
          {run.busy === 'setup' ? 'Resetting…' : prepared ? 'Reset the lab again (start over)' : 'Reset the lab to the starting state'}
        </button>
        {prepared && <span className={styles.ready} data-testid="learn-prepared"> Lab ready</span>}
        {run.error && (
          <p role="alert" className="error-message" data-testid="learn-error">
            {run.error}
          </p>
        )}
      </section>

      <section aria-labelledby="learn-predict-title">
        <h3 id="learn-predict-title">2. Predict</h3>
        <PredictionForm
          key={progress?.startedAt ?? 'none'}
          experiment={experiment}
          locked={predicted}
          disabled={!prepared || run.busy !== null}
          onLock={(choice) => void save({ id: experiment.id, prediction: choice, state: 'in-progress' })}
        />
      </section>

      <section aria-labelledby="learn-run-title">
        <h3 id="learn-run-title">3. Run it on the lab</h3>
        {!predicted && <p className="muted">The steps unlock once your prediction is locked in.</p>}
        <StepList experiment={experiment} run={run} enabled={prepared && predicted !== null} finished={progress?.state === 'done'} />
      </section>

      <ResultPanel experiment={experiment} progress={progress} check={run.check} onCheck={() => void run.recheck()} busy={run.busy !== null} />
    </article>
  )
}
