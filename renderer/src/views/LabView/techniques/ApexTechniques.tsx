import type { LabStatus } from '@shared/lab'
import { ErrorMessage } from '../../../components/ErrorMessage/ErrorMessage'
import { useApexTechniques, type AskedQuestion } from '../../../hooks/useApexTechniques'
import { CONSEQUENCES, TECHNIQUES } from './consequences'
import styles from './ApexTechniques.module.css'

interface Props {
  status: LabStatus
  apex: string
}

/** CNAME, ALIAS and HTTPS AliasMode side by side for the lab's apex: the questions a client asks and what it gets. */
export function ApexTechniques({ status, apex }: Props) {
  const { runs, error, busy, run } = useApexTechniques(status.running ? status.port : null)
  const cnameName = `www.${apex}`
  return (
    <section aria-labelledby="lab-techniques-title" data-testid="lab-techniques" data-state={runs ? 'asked' : 'idle'}>
      <h2 id="lab-techniques-title">Three ways to alias an apex</h2>
      <p className="muted">
        Asks this server as a client would, for real: <code>{cnameName}</code> (a CNAME: forbidden at the apex itself), the apex <code>{apex}</code> A
        (the ALIAS, resolved by the server) and the apex HTTPS (AliasMode, resolved by the client
        {status.httpsAlias?.record ? '' : ': turn on “Also serve an HTTPS record in AliasMode” under the zone first'}).
      </p>
      <button type="button" onClick={() => void run(apex, cnameName)} disabled={!status.running} aria-disabled={busy || undefined} data-testid="lab-techniques-run">
        {busy ? 'Asking…' : 'Ask all three'}
      </button>
      {error && <ErrorMessage error={error} testId="lab-techniques-error" />}
      <div className={styles.grid} role="table" aria-label="Apex techniques side by side">
        <div role="row" className={styles.row}>
          <span role="columnheader" />
          {TECHNIQUES.map((t) => (
            <span key={t.id} role="columnheader" className={styles.head}>
              {t.title}
            </span>
          ))}
        </div>
        <div role="row" className={styles.row}>
          <span role="rowheader" className={styles.label}>
            What the client asks and gets
          </span>
          {TECHNIQUES.map((t) => (
            <span key={t.id} role="cell" data-testid={`lab-technique-${t.id}`}>
              {runs ? <Sequence questions={runs[t.id]} /> : <span className="muted">not asked yet</span>}
            </span>
          ))}
        </div>
        {CONSEQUENCES.map((c) => (
          <div role="row" key={c.label} className={styles.row}>
            <span role="rowheader" className={styles.label}>
              {c.label}
            </span>
            {TECHNIQUES.map((t) => (
              <span key={t.id} role="cell">
                {c[t.id]}
              </span>
            ))}
          </div>
        ))}
      </div>
    </section>
  )
}

function Sequence({ questions }: { questions: AskedQuestion[] }) {
  return (
    <ol className={styles.sequence}>
      {questions.map((q, i) => (
        <li key={i}>
          <span className={styles.ask}>
            client → lab: {q.name} {q.type}
          </span>
          <span className={styles.answer}>
            lab → client: {q.records.length > 0 ? q.records.map((rr) => `${rr.type} ${rr.data}`).join(', ') : `${q.rcode}, no records`}
          </span>
        </li>
      ))}
    </ol>
  )
}
