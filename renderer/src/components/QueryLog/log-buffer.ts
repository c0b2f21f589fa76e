import type { QueryLogEntry } from '@shared/alias-server'

export interface LogRow {
  /** Increasing per buffer: a stable React key. */
  id: number
  entry: QueryLogEntry
}

/**
 * The query log kept in memory: appended in arrival order, read newest first, capped at `capacity` rows (the
 * oldest go). Trimming is amortised (the array is cut only once it is 10 % over), so a push costs O(batch).
 */
export class LogBuffer {
  private rows: LogRow[] = []
  private nextId = 0
  /** Rows dropped by the cap since the start. */
  dropped = 0

  constructor(readonly capacity = 10_000) {}

  get size(): number {
    return Math.min(this.rows.length, this.capacity)
  }

  push(entries: readonly QueryLogEntry[]): void {
    for (const entry of entries) this.rows.push({ id: this.nextId++, entry })
    const slack = Math.max(1, Math.floor(this.capacity / 10))
    if (this.rows.length > this.capacity + slack) {
      const cut = this.rows.length - this.capacity
      this.rows.splice(0, cut)
      this.dropped += cut
    }
  }

  /** Row `index` counted from the newest (0); undefined past the end. */
  at(index: number): LogRow | undefined {
    if (index < 0 || index >= this.size) return undefined
    return this.rows[this.rows.length - 1 - index]
  }

  /** Total rows ever pushed. */
  get total(): number {
    return this.nextId
  }

  clear(): void {
    this.dropped += this.size
    this.rows = []
  }
}
