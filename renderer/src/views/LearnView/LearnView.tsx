import { useEffect, useRef, useState } from 'react'
import { experimentById, experiments, type Experiment } from '@shared/experiments'
import { worksheetFileName, worksheetMarkdown } from '@shared/experiments/worksheet'
import { downloadBlob } from '../../components/ChartFrame/download'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { ExperimentList } from './ExperimentList'
import { ExperimentPage } from './ExperimentPage'
import { WorksheetPage } from './WorksheetPage'
import { useLearn } from '../../hooks/useLearn'
import { cx } from '../../class-names'
import styles from './LearnView.module.css'

const downloadMarkdown = (experiment: Experiment) =>
  downloadBlob(new Blob([worksheetMarkdown(experiment)], { type: 'text/markdown' }), worksheetFileName(experiment))

/** Guided experiments on the real lab: predict, run, explain. Teacher mode adds presenting and worksheets. */
export function LearnView() {
  const { progress, error, save, setTeacher } = useLearn()
  const [openId, setOpenId] = useState<string | null>(null)
  const teacher = progress?.teacher ?? false
  const [present, setPresent] = useState(false)
  const [worksheet, setWorksheet] = useState(false)
  const lastOpened = useRef<string | null>(null)
  const open = openId ? experimentById(openId) : undefined

  // back in the list, the focus returns to the experiment just left
  useEffect(() => {
    if (openId === null && lastOpened.current) document.getElementById(`learn-open-${lastOpened.current}`)?.focus()
  }, [openId])

  const close = () => {
    lastOpened.current = openId
    setWorksheet(false)
    setOpenId(null)
  }

  return (
    <div className={cx('view-stack', present && styles.present)} data-testid="learn-view" data-present={present}>
      <div className={cx(styles.toolbar, 'no-print')}>
        {open && (
          <button type="button" onClick={close} data-testid="learn-back">
            ← All experiments
          </button>
        )}
        <label className={styles.teacher}>
          <input type="checkbox" checked={teacher} onChange={(e) => void setTeacher(e.target.checked)} data-testid="learn-teacher" />
          Teacher mode
        </label>
        {teacher && (
          <div className={styles.tools} role="group" aria-label="Teacher tools">
            <button type="button" aria-pressed={present} onClick={() => setPresent(!present)} data-testid="learn-present">
              Presentation layout
            </button>
            {open && (
              <>
                <button type="button" onClick={() => downloadMarkdown(open)} data-testid="learn-worksheet-md">
                  Worksheet (Markdown)
                </button>
                <button type="button" onClick={() => setWorksheet(true)} data-testid="learn-worksheet-open">
                  Printable worksheet
                </button>
              </>
            )}
          </div>
        )}
      </div>
      {error && <ErrorMessage error={error} testId="learn-progress-error" />}
      {progress?.warnings.map((w) => (
        <p key={w} role="alert" className="muted">
          {w}
        </p>
      ))}
      {!open && (
        <section className="panel" aria-labelledby="learn-title">
          <h2 id="learn-title">Learn by experiment</h2>
          <p className="muted">Each experiment asks for your prediction, runs on the real local lab, then shows what happened beside what you predicted, with the explanation and its sources.</p>
          <ExperimentList experiments={experiments} progress={progress} onOpen={setOpenId} />
        </section>
      )}
      {open && worksheet && <WorksheetPage experiment={open} onClose={() => setWorksheet(false)} />}
      {open?.status === 'ready' && !worksheet && (
        <section className="panel">
          <ExperimentPage key={open.id} experiment={open} progress={progress?.experiments[open.id]} save={save} />
        </section>
      )}
    </div>
  )
}
