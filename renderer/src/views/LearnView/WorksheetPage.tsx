import { useEffect, useRef } from 'react'
import type { Experiment } from '@shared/experiments'
import { worksheetOf } from '@shared/experiments/worksheet'
import { cx } from '../../class-names'
import styles from './WorksheetPage.module.css'

interface Props {
  experiment: Experiment
  onClose(): void
}

/** The printable worksheet: the questions, then the answers on a page of their own. */
export function WorksheetPage({ experiment, onClose }: Props) {
  const sheet = worksheetOf(experiment)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const part = (sections: typeof sheet.questions) =>
    sections.map((s) => (
      <section key={s.heading}>
        <h3>{s.heading}</h3>
        {s.lines.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </section>
    ))
  return (
    <div className={styles.worksheet} data-testid="learn-worksheet">
      <div className={cx(styles.tools, 'no-print')}>
        <button type="button" onClick={() => window.print()} data-testid="learn-worksheet-print">
          Print
        </button>
        <button type="button" onClick={onClose} data-testid="learn-worksheet-close">
          Back to the experiment
        </button>
      </div>
      <div className={styles.page} data-testid="learn-worksheet-questions">
        <h2 ref={heading} tabIndex={-1}>{sheet.title}</h2>
        <p>
          <em>{experiment.question}</em> (about {experiment.minutes} minutes)
        </p>
        {part(sheet.questions)}
      </div>
      <div className={cx(styles.page, styles.answers)} data-testid="learn-worksheet-answers">
        <h2>Answers: {sheet.title}</h2>
        {part(sheet.answers)}
      </div>
    </div>
  )
}
