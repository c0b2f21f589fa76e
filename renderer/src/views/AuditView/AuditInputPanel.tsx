import { useState, type DragEvent } from 'react'
import { targetFromValues, type AuditStartInput, type TargetFrom } from '@shared/audit'
import { ResolverPicker } from '../../components/ResolverPicker/ResolverPicker'
import { useNavigation } from '../../context/NavigationContext'
import { Explain } from '../../context/TeachingContext'
import { targetsOf, type ResolversState } from '../../hooks/useResolvers'
import type { LoadedSource } from '../../hooks/useAuditSources'
import styles from './AuditView.module.css'
import { AuditZonePicker } from './AuditZonePicker'

const MAX_FILE_BYTES = 20 * 1024 * 1024

interface Props {
  resolvers: ResolversState
  running: boolean
  onStart(input: AuditStartInput): void
  onCancel(): void
}

/** What to audit and how: pasted or dropped names, a file, a saved zone or the lab's zone; resolvers and options. */
export function AuditInputPanel({ resolvers, running, onStart, onCancel }: Props) {
  const [text, setText] = useState('')
  const [source, setSource] = useState('')
  const [concurrency, setConcurrency] = useState('32')
  const [targetFrom, setTargetFrom] = useState<TargetFrom | ''>('')
  const [skipAuthoritative, setSkipAuthoritative] = useState(false)
  const [authPort, setAuthPort] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  // one resolver picker in the document at a time: the Inspect view keeps its own while this tab is hidden
  const { view } = useNavigation()

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) return setProblem(`${file.name} is larger than 20 MB.`)
    setText(await file.text())
    setSource(file.name)
    setProblem(null)
  }
  const drop = (event: DragEvent<HTMLTextAreaElement>) => {
    const file = event.dataTransfer.files[0]
    if (!file) return
    event.preventDefault()
    void readFile(file)
  }
  const takeZone = (loaded: LoadedSource) => {
    setText(loaded.text)
    setSource(loaded.source)
    setProblem(null)
    if (loaded.authPort) setAuthPort(String(loaded.authPort))
  }

  const start = () => {
    const selected = targetsOf(resolvers.selected)
    const n = Number(concurrency)
    const port = authPort.trim() === '' ? 53 : Number(authPort)
    if (!text.trim()) return setProblem('Paste names (one per line, optionally followed by their target), drop a file, or use the lab’s zone.')
    if (selected.length === 0) return setProblem('Pick at least one resolver (Resolvers ▾).')
    if (!(Number.isInteger(n) && n >= 1 && n <= 1000)) return setProblem('Names at once must be a whole number from 1 to 1000.')
    if (!(Number.isInteger(port) && port >= 1 && port <= 65535)) return setProblem("The zone's servers port must be a whole number from 1 to 65535.")
    setProblem(null)
    onStart({ text, resolvers: selected, concurrency: n, ...(targetFrom ? { targetFrom } : {}), skipAuthoritative, authoritativePort: port })
  }

  const lines = text ? text.split('\n').filter((l) => l.trim() && !/^\s*[#;]/.test(l)).length : 0
  return (
    <section className={`panel ${styles.input}`} aria-labelledby="audit-input-title">
      <h2 id="audit-input-title">Audit many apexes</h2>
      <Explain>
        One name per line, optionally followed by the target it should follow (<code>example.com cdn.example.net</code>), or a zone file:
        its owner names are audited. Each name gets a full inspection on shared sockets, a few dozen at a time.
      </Explain>
      <textarea
        className={styles.text}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setSource('')
        }}
        onDrop={drop}
        onDragOver={(e) => e.preventDefault()}
        placeholder={'example.com\nexample.org cdn.example.net\n…or drop a file here'}
        spellCheck={false}
        aria-label="Names to audit"
        data-testid="audit-text"
      />
      <div className={styles.row}>
        <span className={`muted ${styles.count}`} data-testid="audit-line-count">
          {lines.toLocaleString()} line{lines === 1 ? '' : 's'}
          {source && ` from ${source}`}
        </span>
        <label className={`button-secondary ${styles.file}`}>
          Open file…
          <input type="file" accept=".txt,.zone,.csv,.list,text/plain" onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])} data-testid="audit-file" />
        </label>
        <AuditZonePicker onLoad={takeZone} />
      </div>
      <div className={styles.row}>
        {view === 'audit' && <ResolverPicker resolvers={resolvers} />}
        <label className={styles.inline}>
          Names at once
          <input value={concurrency} onChange={(e) => setConcurrency(e.target.value)} inputMode="numeric" size={4} data-testid="audit-concurrency" />
        </label>
        <label className={styles.inline}>
          Target from
          <select value={targetFrom} onChange={(e) => setTargetFrom(e.target.value as TargetFrom | '')} data-testid="audit-target-from">
            <option value="">every suggestion</option>
            {targetFromValues.map((v) => (
              <option key={v} value={v}>{v}</option>
            ))}
          </select>
        </label>
        <label className={styles.inline}>
          Zone servers port
          <input value={authPort} onChange={(e) => setAuthPort(e.target.value)} placeholder="53" inputMode="numeric" size={5} disabled={skipAuthoritative} />
        </label>
        <label className={styles.inline}>
          <input type="checkbox" checked={skipAuthoritative} onChange={(e) => setSkipAuthoritative(e.target.checked)} />
          skip the zones’ own servers
        </label>
        {running ? (
          <button type="button" className="button-secondary" onClick={onCancel} data-testid="audit-cancel">
            Stop
          </button>
        ) : (
          <button type="button" onClick={start} data-testid="audit-start">
            Start audit
          </button>
        )}
      </div>
      {problem && <p className="field-error" role="alert" data-testid="audit-problem">{problem}</p>}
    </section>
  )
}
