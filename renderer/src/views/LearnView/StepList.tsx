import type { QueryRecord, ReadyExperiment } from '@shared/experiments'
import type { ExperimentRun } from './useExperimentRun'
import { cx } from '../../class-names'
import styles from './StepList.module.css'

interface Props {
  experiment: ReadyExperiment
  run: ExperimentRun
  enabled: boolean
  /** The experiment is done: every step was, even if the lab has been reset since. */
  finished: boolean
}

/** The experiment's steps: a button that drives the lab, or "do it yourself" in the lab tab, each marked when the lab shows it done. */
const answerText = (q: QueryRecord) =>
  `${q.rcode}${q.answer.length ? ` ${q.answer.join(', ')}` : ' (no records)'}${q.ttl !== null ? `, TTL ${q.ttl} s` : ''}${q.scope !== undefined ? `, ECS scope /${q.scope}` : ''}`

export function StepList({ experiment, run, enabled, finished }: Props) {
  return (
    <ol className={styles.steps} data-testid="learn-steps">
      {experiment.steps.map((step) => {
        const record = run.records[step.id]
        const done = finished || run.doneSteps.has(step.id)
        return (
          <li key={step.id} data-testid="learn-step" data-step={step.id} data-done={done}>
            <p>{step.text}</p>
            {step.actions ? (
              <button type="button" disabled={!enabled || run.busy !== null} onClick={() => void run.runStep(step.id)} data-testid={`learn-run-${step.id}`} aria-describedby={`learn-step-state-${step.id}`}>
                {run.busy === step.id ? 'Running…' : (step.label ?? 'Run')}
              </button>
            ) : (
              <p className="muted">Do it yourself in the Local ALIAS lab tab; this page notices when the lab shows it.</p>
            )}
            <span id={`learn-step-state-${step.id}`} className={cx(styles.state, done && styles.done)}>
              {done ? 'Done' : 'Not done yet'}
            </span>
            {record && (
              <p className={styles.record} data-testid="learn-step-record">
                {record.ok ? '' : `The lab refused: ${record.error}`}
                {record.bySubnet
                  ? Object.entries(record.bySubnet).map(([subnet, q]) => `For ${subnet}: ${answerText(q)}`).join(' · ')
                  : record.query && `${record.ok ? '' : ' · '}Answer: ${answerText(record.query)}`}
              </p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
