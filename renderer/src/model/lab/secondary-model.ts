/** What a secondary of another brand serves for the apex after a transfer from the lab (a simulation). */

export interface TransferSnapshot {
  mode: 'raw' | 'expanded'
  /** The target's addresses when the transfer ran (expanded carries them). */
  a: string[]
  aaaa: string[]
  /** The target's change count then. */
  version: number
  at: number
}

export interface SecondaryView {
  state: 'refused' | 'broken' | 'current' | 'stale'
  a: string[]
  aaaa: string[]
  text: string
}

const same = (x: string[], y: string[]): boolean => x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i])

export function secondaryView(snapshot: TransferSnapshot, signed: boolean, now: { a: string[]; aaaa: string[]; version: number }, notify: boolean): SecondaryView {
  if (signed) return { state: 'refused', a: [], aaaa: [], text: 'The transfer is refused: the zone is signed online, so there is no complete signed zone to hand over.' }
  if (snapshot.mode === 'raw') {
    return { state: 'broken', a: [], aaaa: [], text: 'It holds the ALIAS record (TYPE65401) and cannot expand it: the apex answers A and AAAA with no data.' }
  }
  // with NOTIFY the primary bumps the serial on each target change and the secondary transfers again
  const held = notify ? now : snapshot
  if (same(held.a, now.a) && same(held.aaaa, now.aaaa)) {
    return { state: 'current', a: held.a, aaaa: held.aaaa, text: notify ? 'NOTIFY keeps it current: each target change bumps the serial and it transfers again.' : 'It serves the addresses of the transfer as static records; they still match the target.' }
  }
  return { state: 'stale', a: held.a, aaaa: held.aaaa, text: `Stale: the target changed ${now.version - snapshot.version} time(s) since the transfer; without NOTIFY it waits for the SOA refresh timer.` }
}
