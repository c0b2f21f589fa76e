/**
 * The target sets the lab panel edits, and what a change of them or of a rotation does to the simulated target
 * and to lab.json. Pure apart from the server it is handed.
 */
import type { SimulatedTargetState } from '@shared/alias-server'
import type { LabSaveSetsInput } from '@shared/lab'
import type { AliasServer } from '../alias-server'
import type { LabFile } from './lab-file'

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Saves the sets; while the server runs, serves a new TTL or a changed serving set at once (a rotation owns the
 * target while it runs: then the sets are only saved, for the next one).
 */
export function saveSets(f: LabFile, input: LabSaveSetsInput, server: AliasServer | undefined): { next: LabFile; served: SimulatedTargetState | null } {
  const sets = input.sets.map((s) => ({ a: [...s.a], aaaa: [...s.aaaa] }))
  const serving = input.serving !== null && input.serving < sets.length ? input.serving : null
  const chosen = serving !== null ? sets[serving]! : { a: f.target?.a ?? [], aaaa: f.target?.aaaa ?? [] }
  let served: SimulatedTargetState | null = null
  if (server) {
    const now = server.simulatedTarget.state()
    const changed = now.ttl !== input.ttl || (serving !== null && (!sameList(now.a, chosen.a) || !sameList(now.aaaa, chosen.aaaa)))
    served = changed && !now.rotation ? server.simulatedTarget.set(serving !== null ? { ...chosen, ttl: input.ttl } : { ttl: input.ttl }) : now
  }
  const target = served && !served.rotation ? { a: served.a, aaaa: served.aaaa, ttl: served.ttl } : { ...chosen, ttl: input.ttl }
  return { next: { ...f, sets, serving, target: f.target && served?.rotation ? f.target : target }, served }
}

/** lab.json after a rotation starts or stops: the rotation, what is served, and the set a stopped one left on the air. */
export function afterRotation(f: LabFile, result: SimulatedTargetState, stopped: boolean): LabFile {
  const { a, aaaa, ttl } = result
  const matching = f.sets?.findIndex((s) => sameList(s.a, a) && sameList(s.aaaa, aaaa)) ?? -1
  return { ...f, rotation: stopped ? null : (result.rotation ?? null), target: { a, aaaa, ttl }, serving: matching >= 0 ? matching : f.serving }
}
