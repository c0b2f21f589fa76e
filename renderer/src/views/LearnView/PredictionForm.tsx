import { useId, useState } from 'react'
import type { ReadyExperiment } from '@shared/experiments'
import styles from './PredictionForm.module.css'

interface Props {
  experiment: ReadyExperiment
  locked: string | null
  disabled: boolean
  onLock(choice: string): void
}

/** Predict before observing: the choice is kept (learn.json) and set beside what the lab showed. */
export function PredictionForm({ experiment, locked, disabled, onLock }: Props) {
  const [choice, setChoice] = useState<string | null>(null)
  const name = useId()
  const label = (id: string | null) => experiment.prediction.choices.find((c) => c.id === id)?.label ?? id
  if (locked) {
    return (
      <p data-testid="learn-prediction" data-choice={locked}>
        Your prediction: <strong>{label(locked)}</strong>
      </p>
    )
  }
  return (
    <form
      className={styles.predict}
      onSubmit={(event) => {
        event.preventDefault()
        if (choice) onLock(choice)
      }}
    >
      <fieldset disabled={disabled}>
        <legend>{experiment.prediction.question}</legend>
        {experiment.prediction.choices.map((c) => (
          <label key={c.id} className={styles.choice}>
            <input type="radio" name={name} value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} data-testid={`learn-choice-${c.id}`} />
            {c.label}
          </label>
        ))}
        <button type="submit" disabled={!choice} data-testid="learn-predict-lock">
          Lock in my prediction
        </button>
      </fieldset>
      {disabled && <p className="muted">Prepare the lab first (step 1).</p>}
    </form>
  )
}
