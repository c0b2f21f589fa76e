import type { QueryLogRecord } from '@shared/lab-log'

export const PAGE_SIZE = 200

/**
 * The rows of one view of the stored log (one filter, one newest id) fetched so far, by page of PAGE_SIZE
 * counted from the newest. Only the pages around what is on screen are ever fetched. Pure; no I/O.
 */
export class LogPages {
  private readonly pages = new Map<number, readonly QueryLogRecord[]>()
  private readonly loading = new Set<number>()

  /** Row `index` counted from the newest, when its page is here. */
  at(index: number): QueryLogRecord | undefined {
    if (index < 0) return undefined
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
  }

  /** Pages holding rows first..last (inclusive) that are neither here nor on their way; marks them on their way. */
  claim(first: number, last: number): number[] {
    const wanted: number[] = []
    if (last < first || last < 0) return wanted
    for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
      if (this.pages.has(page) || this.loading.has(page)) continue
      this.loading.add(page)
      wanted.push(page)
    }
    return wanted
  }

  put(page: number, rows: readonly QueryLogRecord[]): void {
    this.loading.delete(page)
    this.pages.set(page, rows)
  }

  /** A fetch that failed: the page may be claimed again. */
  release(page: number): void {
    this.loading.delete(page)
  }
}
