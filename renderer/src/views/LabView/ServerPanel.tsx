import { SecondaryPanel } from './SecondaryPanel'
import { DnssecFields, defaultDnssecChoice, type LabDnssecChoice } from './DnssecFields'
import { TtlPolicyField } from './TtlPolicyField'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { upstreamModes, type UpstreamMode } from '@shared/alias-server'
import type { LabStatus, LabUpstreamResolver } from '@shared/lab'
import type { Result } from '@shared/result'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { SelectField } from '../../components/SelectField/SelectField'
import { TextField } from '../../components/TextField/TextField'
import { Explain } from '../../context/TeachingContext'
import { useCall } from '../../hooks/useCall'
import { useLab } from '../../hooks/useLab'
import { UpstreamResolverField } from './UpstreamResolverField'
import labStyles from './LabView.module.css'
import styles from './ServerPanel.module.css'

interface ServerPanelProps {
  status: LabStatus
  onStatus(status: LabStatus): void
  onChanged(): void
}

const modeNames: Record<UpstreamMode, string> = {
  simulated: 'Simulated target (offline)',
  recursive: 'Recursive, through a resolver',
  authoritative: 'Authoritative, from the target’s name servers'
}

/** Start and stop the embedded server: port, upstream mode and the TTL policy of synthesised answers. */
export function ServerPanel({ status, onStatus, onChanged }: ServerPanelProps) {
  const [port, setPort] = useState(status.port ? String(status.port) : '')
  const [mode, setMode] = useState<UpstreamMode>(status.upstreamMode)
  const [resolver, setResolver] = useState<LabUpstreamResolver | null>(status.upstreamTarget)
  const [authPort, setAuthPort] = useState('')
  // the choice saved in lab.json (what the last start used)
  const [dnssec, setDnssec] = useState<LabDnssecChoice>(() => ({
    ...defaultDnssecChoice,
    ...(status.dnssecChoice ? { signed: true, ...status.dnssecChoice } : {}),
    axfr: status.axfr ?? defaultDnssecChoice.axfr
  }))
  const { busy, error, setError, call } = useCall()
  const running = status.running
  const lab = useLab()
  // Start and Stop take each other's place: the focus follows, or it would fall back to the page
  const toggleRef = useRef<HTMLButtonElement>(null)
  const toggled = useRef(false)
  useEffect(() => {
    if (!toggled.current) return
    toggled.current = false
    toggleRef.current?.focus()
  }, [running])

  // which ports the lab may use is the main side's rule: its refusal is shown as the server panel's error
  const portText = port.trim()
  const authPortText = authPort.trim()
  const digitsOnly = (text: string) => (text !== '' && !/^\d+$/.test(text) ? 'Type the port in digits.' : null)
  const portError = digitsOnly(portText)
  const authPortError = digitsOnly(authPortText)
  const resolverError = mode !== 'simulated' && resolver === null ? 'Choose the resolver to use, or add one (e.g. 127.0.0.1:5353).' : null
  const invalid = !!(portError || resolverError || authPortError)

  const apply = async (run: () => Promise<Result<LabStatus>>) => {
    const result = await call(run)
    if (result.ok) {
      onStatus(result.value)
      onChanged()
    } else toggled.current = false
  }
  const start = (event: FormEvent) => {
    event.preventDefault()
    if (invalid || busy) return
    toggled.current = true
    void apply(() =>
      lab.start({
        ...(portText ? { port: Number(portText) } : {}),
        upstreamMode: mode,
        ...(mode !== 'simulated' && resolver !== null ? { upstreamResolver: resolver } : {}),
        ...(mode === 'authoritative' && authPortText ? { authoritativePort: Number(authPortText) } : {}),
        dnssec: dnssec.signed ? { algorithm: dnssec.algorithm, denial: dnssec.denial } : null,
        axfr: dnssec.axfr
      })
    )
  }
  const stop = () => {
    if (busy) return
    toggled.current = true
    void apply(() => lab.stop())
  }

  return (
    <form onSubmit={start} noValidate aria-labelledby="lab-server-title" data-testid="lab-server">
      <div className={labStyles.panelHead}>
        <h2 id="lab-server-title">Local ALIAS server</h2>
        <span className={`pill${running ? ' pill--running' : ''}`} data-testid="lab-state" data-running={running}>
          {running ? `running on ${status.host}:${status.port}` : 'stopped'}
        </span>
      </div>
      <div className={styles.grid}>
        <TextField
          label="Port (UDP and TCP on 127.0.0.1)"
          className="input--port"
          inputMode="numeric"
          // while running: the port actually bound (a free one when left empty)
          value={running && status.port !== null ? String(status.port) : port}
          onChange={(e) => setPort(e.target.value)}
          placeholder="any free"
          disabled={running}
          aria-invalid={!!portError}
          data-testid="lab-port"
          error={portError}
        />
        <SelectField label="Upstream for ALIAS targets" value={mode} options={upstreamModes} names={modeNames} onChange={setMode} disabled={running} testId="lab-upstream-mode" />
        {mode !== 'simulated' && (
          <UpstreamResolverField
            label={mode === 'recursive' ? 'Resolver' : 'Bootstrap resolver'}
            value={resolver}
            onChange={setResolver}
            last={status.upstreamTarget}
            disabled={running}
            error={resolverError}
          />
        )}
        {mode === 'authoritative' && (
          <TextField label="Name servers’ port" className="input--port" inputMode="numeric" value={authPort} onChange={(e) => setAuthPort(e.target.value)} placeholder="53" disabled={running} aria-invalid={!!authPortError} data-testid="lab-auth-port" error={authPortError} />
        )}
        <TtlPolicyField status={status} onStatus={onStatus} onError={setError} />
        <div className={styles.actions}>
          {running ? (
            <button type="button" ref={toggleRef} className="button--danger" onClick={stop} aria-disabled={busy || undefined} data-testid="lab-stop">
              Stop server
            </button>
          ) : (
            <button type="submit" ref={toggleRef} disabled={invalid} aria-disabled={busy || invalid} data-testid="lab-start">
              {busy ? 'Starting…' : 'Start server'}
            </button>
          )}
        </div>
      </div>
      <DnssecFields value={dnssec} onChange={setDnssec} running={running} zones={status.dnssec ?? []} />
      {running && <SecondaryPanel mode={dnssec.axfr} signed={(status.dnssec ?? []).length > 0} target={status.target} />}
      {error && <ErrorMessage error={error} testId="lab-server-error" />}
      {status.warnings.map((w) => (
        <p key={w} className={styles.warning} role="status">
          {w}
        </p>
      ))}
      {mode === 'simulated' && (
        <Explain testId="explain-upstream">
          In simulated mode the ALIAS targets are answered by a make-believe CDN inside this app,{' '}
          <code>{status.target?.name ?? 'cdn.example.test.'}</code>, whose addresses you change below: no packet leaves
          this machine. Recursive mode asks a resolver of your choice; authoritative mode asks the target zone’s own
          name servers, as a real ALIAS provider does.
        </Explain>
      )}
    </form>
  )
}
