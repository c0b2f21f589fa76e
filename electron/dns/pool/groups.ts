const EMPTY: readonly never[] = []

/** The live members (sockets or connections) of each resolver, in the order they were opened. */
export class Groups<T> {
  private readonly map = new Map<string, T[]>()

  /** The live list (read only): copy it before walking it while members may leave. */
  get(key: string): readonly T[] {
    return this.map.get(key) ?? EMPTY
  }

  add(key: string, member: T): void {
    const list = this.map.get(key)
    if (list) list.push(member)
    else this.map.set(key, [member])
  }

  remove(key: string, member: T): void {
    const list = this.map.get(key)
    const i = list ? list.indexOf(member) : -1
    if (!list || i < 0) return
    list.splice(i, 1)
    if (list.length === 0) this.map.delete(key)
  }

  get size(): number {
    let n = 0
    for (const list of this.map.values()) n += list.length
    return n
  }

  /** Every member, and forgets them all. */
  drain(): T[] {
    const all = [...this.map.values()].flat()
    this.map.clear()
    return all
  }
}
