import { useEffect, useRef, useState } from 'react'
import type { SimulatedTargetState } from '@shared/alias-server'
import type { LabStatus } from '@shared/lab'
import type { ApiError } from '@shared/result'
import { useLab } from '../../hooks/useLab'
import { nextAddresses, parseAddressList } from '../../model/lab/addresses'

export interface SetText {
  a: string
  aaaa: string
}

/** Typing settles for this long before an edit is saved (and, for the serving set or the TTL, served). */
export const SAVE_DELAY_MS = 350

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])
const text = (s: { a: readonly string[]; aaaa: readonly string[] }): SetText => ({ a: s.a.join(' '), aaaa: s.aaaa.join(' ') })

function initialSets(target: SimulatedTargetState, saved: LabStatus['sets']): SetText[] {
  if (saved && saved.length > 0) return saved.map(text)
  if (target.rotation && target.rotation.sets.length > 0) return target.rotation.sets.map(text)
  return [text(target), { a: nextAddresses(target.a, 'A').join(' '), aaaa: nextAddresses(target.aaaa, 'AAAA').join(' ') }]
}

function initialServing(target: SimulatedTargetState, sets: SetText[], saved: number | null): number | null {
  if (saved !== null && saved < sets.length) return saved
  const i = sets.findIndex((s) => sameList(parseAddressList(s.a, 'A').addresses, target.a) && sameList(parseAddressList(s.aaaa, 'AAAA').addresses, target.aaaa))
  return i < 0 ? null : i
}

/**
 * The target sets as edited in the panel. Every valid edit is saved in lab.json; an edit of the serving set or
 * of the TTL is served at once (the server answers with the new values from then on).
 */
export function useTargetSets(target: SimulatedTargetState, saved: { sets: LabStatus['sets']; serving: number | null }, onChanged: (t: SimulatedTargetState) => void) {
  const [sets, setSets] = useState<SetText[]>(() => initialSets(target, saved.sets))
  const [serving, setServing] = useState<number | null>(() => initialServing(target, initialSets(target, saved.sets), saved.serving))
  const [ttl, setTtl] = useState(String(target.ttl))
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const lab = useLab()

  const parsed = sets.map((s) => ({ a: parseAddressList(s.a, 'A'), aaaa: parseAddressList(s.aaaa, 'AAAA') }))
  const ttlValue = /^\d+$/.test(ttl.trim()) && Number(ttl) <= 86_400 ? Number(ttl) : null
  const setValid = (i: number) => parsed[i]!.a.invalid.length === 0 && parsed[i]!.aaaa.invalid.length === 0 && parsed[i]!.a.addresses.length + parsed[i]!.aaaa.addresses.length > 0
  const allValid = parsed.every((_, i) => setValid(i)) && ttlValue !== null

  const save = async (nextSets: SetText[], nextServing: number | null, nextTtl: string): Promise<void> => {
    const list = nextSets.map((s) => ({ a: parseAddressList(s.a, 'A'), aaaa: parseAddressList(s.aaaa, 'AAAA') }))
    const ttlNumber = Number(nextTtl)
    if (list.some((p) => p.a.invalid.length + p.aaaa.invalid.length > 0 || p.a.addresses.length + p.aaaa.addresses.length === 0)) return
    if (!/^\d+$/.test(nextTtl.trim()) || ttlNumber > 86_400) return
    setBusy(true)
    const result = await lab.saveSets({ sets: list.map((p) => ({ a: p.a.addresses, aaaa: p.aaaa.addresses })), serving: nextServing, ttl: ttlNumber })
    setBusy(false)
    if (!result.ok) return setError(result.error)
    setError(null)
    if (result.value) onChanged(result.value)
  }
  const schedule = (nextSets: SetText[], nextServing: number | null, nextTtl: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(nextSets, nextServing, nextTtl), SAVE_DELAY_MS)
  }
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  // a rotation that stops leaves one of the sets on the air: that one is serving now
  const rotating = !!target.rotation
  const wasRotating = useRef(rotating)
  useEffect(() => {
    if (wasRotating.current && !rotating) setServing(initialServing(target, sets, null))
    wasRotating.current = rotating
  }, [rotating, target, sets])

  return {
    sets,
    serving,
    ttl,
    ttlValue,
    parsed,
    setValid,
    allValid,
    error,
    setError,
    busy,
    edit(i: number, patch: Partial<SetText>) {
      const next = sets.map((s, j) => (j === i ? { ...s, ...patch } : s))
      setSets(next)
      schedule(next, serving, ttl)
    },
    editTtl(value: string) {
      setTtl(value)
      schedule(sets, serving, value)
    },
    add() {
      const next = [...sets, { a: '', aaaa: '' }]
      setSets(next)
    },
    remove(i: number) {
      const next = sets.filter((_, j) => j !== i)
      const nextServing = serving === null || serving === i ? null : serving > i ? serving - 1 : serving
      setSets(next)
      setServing(nextServing)
      schedule(next, nextServing, ttl)
    },
    /** Serves set i now. */
    serve(i: number) {
      if (timer.current) clearTimeout(timer.current)
      setServing(i)
      return save(sets, i, ttl)
    }
  }
}
