export interface Cancelable {
  cancel(): void
}

/**
 * One 'abort' listener per AbortSignal for all the pool's queries waiting on it (an audit shares one
 * signal among hundreds of thousands of queries), instead of adding and removing one per query.
 */
export class SignalWatch {
  private readonly watched = new WeakMap<AbortSignal, Set<Cancelable>>()

  add(signal: AbortSignal, entry: Cancelable): void {
    let set = this.watched.get(signal)
    if (!set) {
      const members = new Set<Cancelable>()
      set = members
      this.watched.set(signal, members)
      signal.addEventListener(
        'abort',
        () => {
          const all = [...members]
          members.clear()
          for (const e of all) e.cancel()
        },
        { once: true }
      )
    }
    set.add(entry)
  }

  remove(signal: AbortSignal, entry: Cancelable): void {
    this.watched.get(signal)?.delete(entry)
  }
}
