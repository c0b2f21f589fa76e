import { matchResponse, type MatchExpectation } from '../match-response'
import type { ExchangeStats } from '../transports/transport'
import { sameHeaderAndQuestion } from './question-bytes'

/** One query waiting on a shared socket or connection. */
export interface Pending {
  expect: MatchExpectation
  stats: ExchangeStats
  /** The query as sent and where its question ends (questionEnd), for the byte-wise fast match. */
  query?: Buffer
  questionEnd?: number
  accept(response: Buffer, receivedAtMonoMs: number): void
  fail(err: unknown): void
}

/**
 * Outstanding queries of one shared socket or connection, keyed by DNS ID. Two queries may share an
 * ID (they are told apart by their question), so each ID holds a short list. An arriving message goes
 * to the first waiting query it fully matches (ID, question, source); otherwise it is counted as
 * ignored on every query with that ID, which keep waiting until their own deadlines.
 */
export class PendingTable {
  private readonly byId = new Map<number, Pending[]>()
  private count = 0
  /** Messages that matched no waiting query at all (unknown ID, late duplicates, spoofs). */
  unmatched = 0

  constructor(private readonly onUnmatched: () => void = () => undefined) {}

  get size(): number {
    return this.count
  }

  add(p: Pending): void {
    const list = this.byId.get(p.expect.id)
    if (list) list.push(p)
    else this.byId.set(p.expect.id, [p])
    this.count++
  }

  remove(p: Pending): void {
    const list = this.byId.get(p.expect.id)
    if (!list) return
    const i = list.indexOf(p)
    if (i < 0) return
    list.splice(i, 1)
    this.count--
    if (list.length === 0) this.byId.delete(p.expect.id)
  }

  /** Hands a message to its query; returns false when no query took it. */
  deliver(msg: Buffer, receivedAtMonoMs: number, from?: { address: string; port: number }): boolean {
    const id = msg.length >= 2 ? msg.readUInt16BE(0) : -1
    const list = this.byId.get(id)
    if (!list) {
      this.unmatched++
      this.onUnmatched()
      return false
    }
    let lastReason = ''
    for (const p of list) {
      if (p.query && p.questionEnd !== undefined && sameHeaderAndQuestion(p.query, p.questionEnd, msg, p.expect.exactCase)) {
        // the socket is connected (the kernel filters the source), but the source is checked as before
        const server = p.expect.server
        if (!from || !server || (from.port === server.port && from.address === server.address)) {
          this.remove(p)
          p.accept(msg, receivedAtMonoMs)
          return true
        }
      }
      let verdict
      try {
        verdict = matchResponse(p.expect, msg, from)
      } catch (err) {
        // right ID and source, unparseable question: that query fails as malformed, like the one-shot path
        this.remove(p)
        p.fail(err)
        return true
      }
      if (verdict.ok) {
        this.remove(p)
        p.accept(msg, receivedAtMonoMs)
        return true
      }
      lastReason = verdict.reason
    }
    for (const p of list) {
      p.stats.ignored++
      p.stats.lastIgnoredReason = lastReason
    }
    this.unmatched++
    this.onUnmatched()
    return false
  }

  /** Fails and forgets every waiting query. */
  failAll(err: unknown): void {
    const all = [...this.byId.values()].flat()
    this.byId.clear()
    this.count = 0
    for (const p of all) p.fail(err)
  }

  all(): Pending[] {
    return [...this.byId.values()].flat()
  }
}
