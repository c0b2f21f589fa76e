import { useEffect, useState } from 'react'
import { zoneDialects, type ZoneDialect } from '@shared/alias-server'
import type { LabZone, ZoneProblem } from '@shared/lab'
import type { ApiError } from '@shared/result'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { ZoneEditor } from '../../components/ZoneEditor/ZoneEditor'
import { problemsFromMessage } from '../../model/lab/zone-problems'
import { useCommands } from '../../context/CommandsContext'
import { Explain } from '../../context/TeachingContext'
import { useAsk } from '../../hooks/useAsk'
import { useCall } from '../../hooks/useCall'
import { useLab } from '../../hooks/useLab'
import labStyles from './LabView.module.css'
import styles from './ZonePanel.module.css'

interface ZonePanelProps {
  onSaved(zone: { origin: string; text: string }): void
  onLoaded(zone: { origin: string; text: string }): void
  /** A change reloads the zone from the main side (another view replaced it). */
  version?: number
}

/** What each dialect reads, for the picker. */
const DIALECT_LABELS: Record<ZoneDialect, string> = {
  bind: 'BIND: ALIAS and ANAME (DNSimple, NS1, PowerDNS)',
  'route53-text': 'Route 53: A ALIAS / AAAA ALIAS, cli53 AWS ALIAS',
  cloudflare: 'Cloudflare: CNAME at the apex, flattened'
}

type Loaded = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; zone: LabZone }

/** The lab's zone: edited as text, checked by the main side on save, refused with its problems in place. */
export function ZonePanel({ onSaved, onLoaded, version = 0 }: ZonePanelProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const [text, setText] = useState('')
  const [dialect, setDialect] = useState<ZoneDialect>('bind')
  const [problems, setProblems] = useState<readonly ZoneProblem[]>([])
  const { busy, error, setError, call } = useCall()
  const [notice, setNotice] = useState<string | null>(null)
  const lab = useLab()

  useAsk(
    (api) => api.lab.getZone(),
    (result) => {
      if (!result.ok) return setLoaded({ status: 'error', error: result.error })
      setLoaded({ status: 'ready', zone: result.value })
      setText(result.value.text)
      setDialect(result.value.dialect)
      setProblems(result.value.errors)
      onLoaded({ origin: result.value.origin, text: result.value.text })
    },
    version
  )

  // a zone file opened from the File menu or dropped on the window: into the editor, unsaved until Save
  const { zoneDraft } = useCommands()
  const [appliedDraft, setAppliedDraft] = useState(0)
  useEffect(() => {
    if (!zoneDraft || zoneDraft.seq === appliedDraft || loaded.status !== 'ready') return
    setAppliedDraft(zoneDraft.seq)
    setText(zoneDraft.text)
    setProblems([])
    setError(null)
    setNotice(`Opened ${zoneDraft.name}. Save it to check it and serve it.`)
  }, [zoneDraft, appliedDraft, loaded.status])

  if (loaded.status === 'loading') return <p className="muted">Loading the zone…</p>
  if (loaded.status === 'error') return <ErrorMessage error={loaded.error} testId="zone-load-error" />
  const zone = loaded.zone
  const dirty = text !== zone.text || dialect !== zone.dialect

  const save = async () => {
    if (busy || !dirty) return
    const result = await call(() => lab.saveZone({ text, dialect }))
    if (result.ok) {
      setProblems([])
      setLoaded({ status: 'ready', zone: { ...zone, origin: result.value.origin, text, dialect, demo: false, path: result.value.path, errors: [] } })
      setNotice(`Saved ${result.value.records} records${result.value.reloaded ? '; the running server serves them now' : ''}.`)
      onSaved({ origin: result.value.origin, text })
      return
    }
    const found = problemsFromMessage(result.error.message)
    setProblems(found)
    setNotice(null)
    // problems with a position show in the editor; anything else as a plain error
    setError(found.length ? null : result.error)
  }
  const revert = () => {
    if (!dirty && problems.length === 0) return
    setText(zone.text)
    setDialect(zone.dialect)
    setProblems(zone.errors)
    setError(null)
    setNotice(null)
  }

  return (
    <section aria-labelledby="lab-zone-title" data-testid="lab-zone" data-origin={zone.origin}>
      <div className={labStyles.panelHead}>
        <h2 id="lab-zone-title">
          Zone <code>{zone.origin}</code>
        </h2>
        {zone.demo && (
          <span className="pill" data-testid="zone-demo">
            demo zone
          </span>
        )}
        {dirty && <span className="pill pill--interrupted">unsaved</span>}
      </div>
      <label className={styles.dialect}>
        Written as{' '}
        <select
          value={dialect}
          onChange={(e) => {
            setDialect(e.target.value as ZoneDialect)
            setNotice(null)
          }}
          data-testid="zone-dialect"
        >
          {zoneDialects.map((d) => (
            <option key={d} value={d}>
              {DIALECT_LABELS[d]}
            </option>
          ))}
        </select>
      </label>
      <ZoneEditor value={text} onChange={(v) => { setText(v); setNotice(null) }} problems={problems} label={`Zone file for ${zone.origin}`} />
      <div className={styles.actions}>
        {/* aria-disabled, not disabled: a saved zone leaves the button inactive, and the focus stays on it */}
        <button type="button" onClick={() => void save()} aria-disabled={busy || !dirty} data-testid="zone-save">
          {busy ? 'Checking…' : 'Save zone'}
        </button>
        <button type="button" className="button--quiet" onClick={revert} aria-disabled={!dirty && problems.length === 0} data-testid="zone-revert">
          Revert
        </button>
        {problems.length > 0 && (
          <span className="form-field__error" role="alert" data-testid="zone-refused">
            Not saved: {problems.length === 1 ? 'one problem' : `${problems.length} problems`}. The server keeps serving the last good zone.
          </span>
        )}
        {notice && (
          <span className="muted" role="status" data-testid="zone-saved">
            {notice}
          </span>
        )}
      </div>
      {error && <ErrorMessage error={error} testId="zone-save-error" />}
      <Explain testId="explain-cname-alias">
        <strong>CNAME versus ALIAS.</strong> A CNAME says “this name is another name” for <em>every</em> type, so it
        cannot stand at the apex, beside the SOA and NS records every zone has there (RFC 1034 §3.6.2; try{' '}
        <code>@ 60 IN CNAME cdn.example.test.</code> and save: the server refuses it, unless the zone is written as Cloudflare writes it, where an apex CNAME is flattened). An ALIAS record is this server’s
        own device: asked for the apex’s A or AAAA, the server resolves the target itself and answers with plain A/AAAA
        records — the target’s addresses under the apex’s name (“flattening”). <code>www</code> can stay a CNAME: it is
        not an apex.
      </Explain>
    </section>
  )
}
