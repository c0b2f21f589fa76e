import type { Experiment } from '@shared/experiments'
import type { LearnProgress } from '@shared/learn'
import { cx } from '../../class-names'
import styles from './ExperimentList.module.css'

interface Props {
  progress: LearnProgress | null
  onOpen(id: string): void
}

const stateWords = { new: 'New', 'in-progress': 'In progress', done: 'Done' } as const

/** Every experiment: title, the question it answers, its length and its state; "coming" ones cannot be opened. */
export function ExperimentList({ experiments, progress, onOpen }: Props & { experiments: readonly Experiment[] }) {
  return (
    <ul className={styles.list} data-testid="learn-list" aria-label="Experiments">
      {experiments.map((e) => {
        const state = e.status === 'coming' ? 'coming' : (progress?.experiments[e.id]?.state ?? 'new')
        return (
          <li key={e.id} className={styles.item} data-testid="learn-item" data-id={e.id} data-state={state}>
            <div>
              <h3 className={styles.title}>
                {e.status === 'ready' ? (
                  <button type="button" className={styles.open} id={`learn-open-${e.id}`} onClick={() => onOpen(e.id)} data-testid={`learn-open-${e.id}`}>
                    {e.number}. {e.title}
                  </button>
                ) : (
                  <span>
                    {e.number}. {e.title}
                  </span>
                )}
              </h3>
              <p className={styles.question}>{e.question}</p>
              {e.status === 'coming' && <p className="muted">Comes with {e.needs}.</p>}
            </div>
            <div className={styles.meta}>
              <span>{e.minutes} min</span>
              <span className={cx(styles.badge, state === 'in-progress' && styles.inProgress, state === 'done' && styles.done)}>{state === 'coming' ? 'Coming' : stateWords[state]}</span>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
