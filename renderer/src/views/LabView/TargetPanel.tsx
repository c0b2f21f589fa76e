import { useEffect, useRef, useState } from 'react'
import type { SimulatedTargetState } from '@shared/alias-server'
import type { ApiError } from '@shared/result'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { Explain } from '../../context/TeachingContext'
import { useClock } from '../../hooks/useClock'
import { getApi } from '../../transport'
import { nextAddresses, parseAddressList } from './addresses'

interface TargetPanelProps {
  target: SimulatedTargetState
  onChanged(target: SimulatedTargetState): void
}

interface SetText {
  a: string
  aaaa: string
}

const MAX_SETS = 8

function initialSets(target: SimulatedTargetState): SetText[] {
  const text = (s: { a: readonly string[]; aaaa: readonly string[] }) => ({ a: s.a.join(' '), aaaa: s.aaaa.join(' ') })
  if (target.rotation && target.rotation.sets.length > 0) return target.rotation.sets.map(text)
  return [text(target), { a: nextAddresses(target.a, 'A').join(' '), aaaa: nextAddresses(target.aaaa, 'AAAA').join(' ') }]
}

/** The simulated CDN: its address sets and TTL, changed by hand or rotated on a timer. */
export function TargetPanel({ target, onChanged }: TargetPanelProps) {
  const now = useClock()
  const [sets, setSets] = useState<SetText[]>(() => initialSets(target))
  const [ttl, setTtl] = useState(String(target.ttl))
  const [every, setEvery] = useState(String(target.rotation?.everySeconds ?? 30))
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  // Rotate and Stop rotating take each other's place: the focus follows
  const rotateRef = useRef<HTMLButtonElement>(null)
  const swapped = useRef(false)
  const rotating = !!target.rotation
  useEffect(() => {
    if (!swapped.current) return
    swapped.current = false
    rotateRef.current?.focus()
  }, [rotating])

  const parsed = sets.map((s) => ({ a: parseAddressList(s.a, 'A'), aaaa: parseAddressList(s.aaaa, 'AAAA') }))
  const ttlValue = /^\d+$/.test(ttl.trim()) && Number(ttl) <= 86_400 ? Number(ttl) : null
  const everyValue = /^\d+(\.\d+)?$/.test(every.trim()) && Number(every) >= 1 && Number(every) <= 86_400 ? Number(every) : null
  const setValid = (i: number) => parsed[i]!.a.invalid.length === 0 && parsed[i]!.aaaa.invalid.length === 0 && parsed[i]!.a.addresses.length + parsed[i]!.aaaa.addresses.length > 0
  const allValid = parsed.every((_, i) => setValid(i)) && ttlValue !== null

  const run = async (call: () => Promise<{ ok: true; value: SimulatedTargetState } | { ok: false; error: ApiError }>) => {
    setBusy(true)
    const result = await call()
    setBusy(false)
    if (result.ok) {
      setError(null)
      onChanged(result.value)
    } else {
      swapped.current = false
      setError(result.error)
    }
  }
  const serve = (i: number) => {
    if (busy || !setValid(i) || ttlValue === null) return
    void run(() => getApi().lab.setTarget({ a: parsed[i]!.a.addresses, aaaa: parsed[i]!.aaaa.addresses, ttl: ttlValue }))
  }
  const rotate = () => {
    if (busy || !allValid || everyValue === null || ttlValue === null) return
    swapped.current = true
    void run(() =>
      getApi().lab.rotateTarget({
        everySeconds: everyValue,
        sets: parsed.map((p) => ({ a: p.a.addresses, aaaa: p.aaaa.addresses, ttl: ttlValue }))
      })
    )
  }
  const stopRotation = () => {
    if (busy) return
    swapped.current = true
    void run(() => getApi().lab.rotateTarget({ stop: true }))
  }
  const edit = (i: number, patch: Partial<SetText>) => setSets((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)))
  const rotation = target.rotation
  const nextIn = rotation ? Math.max(0, Math.ceil((rotation.nextAt - now) / 1000)) : null
  const serving = (i: number) =>
    parsed[i]!.a.addresses.join(' ') === target.a.join(' ') && parsed[i]!.aaaa.addresses.join(' ') === target.aaaa.join(' ')

  return (
    <section aria-labelledby="lab-target-title" data-testid="lab-target">
      <h2 id="lab-target-title">
        Simulated target <code>{target.name}</code>
      </h2>
      <p className="lab-target__now" data-testid="lab-target-now" data-version={target.version}>
        Serving <strong>A</strong> {target.a.join(', ') || '—'} · <strong>AAAA</strong> {target.aaaa.join(', ') || '—'} ·{' '}
        <strong>TTL</strong> {target.ttl} s <span className="muted">· version {target.version}, changed {new Date(target.changedAt).toLocaleTimeString()}</span>
        {rotation && (
          <span className="lab-target__rotation" data-testid="lab-rotation-state">
            {' '}
            · rotating every {rotation.everySeconds} s, next in {nextIn} s
          </span>
        )}
      </p>
      <div className="lab-sets">
        {sets.map((s, i) => {
          const p = parsed[i]!
          return (
            <fieldset key={i} className={`lab-set${serving(i) ? ' is-serving' : ''}`} data-testid={`lab-set-${i}`}>
              <legend>
                Set {i + 1}
                {serving(i) && <span className="muted"> (serving)</span>}
              </legend>
              <label className="form-field">
                <span className="form-field__label">A</span>
                <input value={s.a} onChange={(e) => edit(i, { a: e.target.value })} spellCheck={false} aria-invalid={p.a.invalid.length > 0} data-testid={`lab-set-${i}-a`} aria-label={`Set ${i + 1}: IPv4 addresses`} />
                {p.a.invalid.length > 0 && <span className="form-field__error">Not IPv4: {p.a.invalid.join(', ')}</span>}
              </label>
              <label className="form-field">
                <span className="form-field__label">AAAA</span>
                <input value={s.aaaa} onChange={(e) => edit(i, { aaaa: e.target.value })} spellCheck={false} aria-invalid={p.aaaa.invalid.length > 0} data-testid={`lab-set-${i}-aaaa`} aria-label={`Set ${i + 1}: IPv6 addresses`} />
                {p.aaaa.invalid.length > 0 && <span className="form-field__error">Not IPv6: {p.aaaa.invalid.join(', ')}</span>}
              </label>
              <div className="lab-set__actions">
                <button type="button" onClick={() => serve(i)} disabled={!setValid(i) || ttlValue === null} aria-disabled={busy} data-testid={`lab-set-${i}-serve`}>
                  Serve now
                </button>
                {sets.length > 1 && (
                  <button type="button" className="button--quiet" onClick={() => setSets((list) => list.filter((_, j) => j !== i))} aria-label={`Remove set ${i + 1}`}>
                    Remove
                  </button>
                )}
              </div>
            </fieldset>
          )
        })}
      </div>
      <div className="lab-target__controls">
        <label className="form-field form-field--inline">
          <span className="form-field__label">TTL</span>
          <input className="input--short" inputMode="numeric" value={ttl} onChange={(e) => setTtl(e.target.value)} aria-invalid={ttlValue === null} aria-label="Target TTL in seconds" data-testid="lab-target-ttl" />
          <span>s</span>
        </label>
        {sets.length < MAX_SETS && (
          <button type="button" className="button--quiet" onClick={() => setSets((list) => [...list, { a: '', aaaa: '' }])} data-testid="lab-set-add">
            Add a set
          </button>
        )}
        <span className="lab-target__rotate">
          <label className="form-field form-field--inline">
            <span className="form-field__label">Rotate every</span>
            <input className="input--short" inputMode="decimal" value={every} onChange={(e) => setEvery(e.target.value)} aria-invalid={everyValue === null} aria-label="Rotation period in seconds" data-testid="lab-rotate-every" />
            <span>s</span>
          </label>
          {rotation ? (
            <button type="button" ref={rotateRef} className="button--danger" onClick={stopRotation} aria-disabled={busy} data-testid="lab-rotate-stop">
              Stop rotating
            </button>
          ) : (
            <button type="button" ref={rotateRef} onClick={rotate} disabled={!allValid || everyValue === null || sets.length < 2} aria-disabled={busy} data-testid="lab-rotate-start">
              Rotate
            </button>
          )}
        </span>
      </div>
      {ttlValue === null && <p className="form-field__error">The TTL is a whole number of seconds, 0 to 86400.</p>}
      {ttlValue !== null && ttlValue !== target.ttl && (
        <p className="muted lab-target__pending" role="status" data-testid="lab-ttl-pending">
          The TTL of {ttlValue} s is not served yet: it goes out with the next “Serve now” or “Rotate”.
        </p>
      )}
      {error && <ErrorMessage error={error} testId="lab-target-error" />}
      <Explain testId="explain-target">
        Change the addresses and the apex does not follow at once: the server keeps the target’s answer until its TTL
        ({target.ttl} s) runs out, and resolvers keep the apex answer for the TTL the server gave it. A short TTL here
        makes the lag short; rotating every few seconds makes it visible in the Watch view.
      </Explain>
    </section>
  )
}
