import { useState, type DragEvent } from 'react'
import { formatExtensions, formatIds, readableFormatIds, type ConvertReportResult, type ConvertRunResult } from '@shared/convert'
import { downloadBlob } from '../../components/ChartFrame/download'
import { useNavigation } from '../../context/NavigationContext'
import { copyText } from '../../clipboard'
import { useConvert, type ReadableFormat as Readable, type TargetFormat as Target } from '../../hooks/useConvert'
import { OutputWithWarnings } from './OutputWithWarnings'
import { LockInTable } from './LockInTable'
import styles from './ConvertView.module.css'

/** Convert: a zone in one provider's format, out in another's, with what the move cannot carry beside it. */
export function ConvertView() {
  const api = useConvert()
  const { open, labZoneReplaced } = useNavigation()
  const [text, setText] = useState('')
  const [from, setFrom] = useState<Readable>('bind')
  const [detected, setDetected] = useState<string | null>(null)
  const [to, setTo] = useState<Target>('route53')
  const [origin, setOrigin] = useState('')
  const [resolver, setResolver] = useState('')
  const [result, setResult] = useState<ConvertRunResult | null>(null)
  const [report, setReport] = useState<ConvertReportResult | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const detect = async (value: string) => {
    const r = await api.detect(value)
    if (r.ok) {
      setFrom(r.value.format)
      setDetected(`Detected ${r.value.format}: ${r.value.because}. Change it below if that is wrong.`)
    }
  }
  const load = (value: string) => {
    setText(value)
    setResult(null)
    setReport(null)
    if (value.trim()) void detect(value)
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    const file = e.dataTransfer.files[0]
    if (file) void file.text().then(load)
  }
  const run = async () => {
    setNotice(null)
    const input = { text, from, origin: origin || undefined }
    const [r, rep] = await api.convert(input, to, resolver || undefined)
    if (r.ok) setResult(r.value)
    else setNotice(r.error.message)
    if (rep.ok) setReport(rep.value)
  }
  const copy = () => void copyText(result?.text ?? '').then((done) => setNotice(done ? 'Copied.' : 'Copying was refused; select the output and copy it.'))
  const download = () =>
    downloadBlob(new Blob([result?.text ?? ''], { type: 'text/plain' }), `${(result?.origin || 'zone').replace(/\.$/, '')}.${formatExtensions[to]}`)
  const openInLab = async () => {
    const problem = await api.openInLab({ text, from, origin: origin || undefined })
    if (problem !== null) return setNotice(problem)
    labZoneReplaced()
    open('lab', '[data-testid="zone-text"]')
  }

  return (
    <div className="view-stack" data-testid="convert-view">
      <section className="panel" data-testid="convert-drop" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <h2>Convert a zone between providers</h2>
        <label className={styles.field}>
          <span>Drop a file here or paste the zone</span>
          <textarea data-testid="convert-input" rows={12} spellCheck={false} value={text} onChange={(e) => load(e.target.value)} />
        </label>
        {detected && <p className="muted" data-testid="convert-detected">{detected}</p>}
        <div className={styles.controls}>
          <label>
            From
            <select data-testid="convert-from" value={from} onChange={(e) => setFrom(e.target.value as Readable)}>
              {readableFormatIds.map((f) => <option key={f} value={f}>{f}</option>)}
            </select>
          </label>
          <label>
            To
            <select data-testid="convert-to" value={to} onChange={(e) => setTo(e.target.value as Target)}>
              {formatIds.map((f) => <option key={f} value={f}>{f}</option>)}
            </select>
          </label>
          <label>
            Origin
            <input data-testid="convert-origin" placeholder="e.g. example.com" value={origin} onChange={(e) => setOrigin(e.target.value)} />
          </label>
          <label>
            Resolver
            <input data-testid="convert-resolver" placeholder="e.g. 127.0.0.1:5300" value={resolver} onChange={(e) => setResolver(e.target.value)} />
          </label>
          <button type="button" data-testid="convert-run" disabled={!text.trim()} onClick={() => void run()}>Convert</button>
        </div>
        {notice && <p role="status" data-testid="convert-notice">{notice}</p>}
      </section>
      {result && (
        <section className="panel" aria-labelledby="convert-output-title">
          <h2 id="convert-output-title">Output ({to})</h2>
          {result.errors.length > 0 ? (
            <ul className={styles.errors} data-testid="convert-errors">
              {result.errors.map((e, i) => <li key={i}>{e.line > 0 ? `line ${e.line}, column ${e.column}: ` : ''}{e.message}</li>)}
            </ul>
          ) : (
            <>
              <div className={styles.actions}>
                <button type="button" data-testid="convert-copy" onClick={copy}>Copy</button>
                <button type="button" data-testid="convert-download" onClick={download}>Download</button>
                <button type="button" data-testid="convert-open-lab" onClick={() => void openInLab()}>Open in the lab</button>
              </div>
              {result.summary.map((s, i) => <p key={i} className="muted">{s}</p>)}
              <OutputWithWarnings text={result.text} warnings={result.warnings} origin={result.origin} />
            </>
          )}
        </section>
      )}
      {report && report.rows.length > 0 && <LockInTable report={report} />}
    </div>
  )
}
