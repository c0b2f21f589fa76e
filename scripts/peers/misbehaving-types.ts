import type { Packet } from 'dns-packet'

/**
 * What the server does with one query. `thenAnswer` sends the correct answer right after the bad
 * packet (same socket / connection), so a client that ignores the bad one still completes.
 *
 * - answer: a correct answer (A → 192.0.2.1, TXT → one string, or 40 strings (~3.5 kB) for names
 *   starting with 'big'); over UDP, an answer larger than the client's EDNS size (or 512) is TC.
 * - no-reply: nothing (TCP: the connection is accepted and held open).
 * - delay: the correct answer after `ms`.
 * - wrong-id: a response whose ID is the query's + 1.
 * - wrong-question: a response with the right ID for another name (`wrong.invalid.`).
 * - other-port: UDP only: the correct response, but sent from a second socket (`otherPort`).
 * - garbage: the correct response cut in the middle (right ID, unparseable), or `bytes` instead.
 * - pointer-loop: a response whose answer owner name is a compression pointer to itself.
 * - tc-then-tcp: UDP: TC=1 with an empty answer; TCP: the correct answer.
 * - huge-length: TCP only: a 65535 length prefix followed by 12 octets, then the connection is held
 *   open (or closed with `close: true`). UDP: no reply.
 * - rcode: a response with the given RCODE (e.g. 'REFUSED', 'SERVFAIL') and no records.
 * - duplicate: the correct answer twice (the second a late copy for a query already answered).
 * - cross-id: this query's answer under the ID of the previous query from the same client port or
 *   connection (a spoof aimed at a client that shares its socket), then the correct answer.
 */
export type Misbehaviour =
  | { kind: 'answer' }
  | { kind: 'no-reply' }
  | { kind: 'delay'; ms: number }
  | { kind: 'wrong-id'; thenAnswer?: boolean; close?: boolean }
  | { kind: 'wrong-question'; thenAnswer?: boolean; close?: boolean }
  | { kind: 'other-port'; thenAnswer?: boolean }
  | { kind: 'garbage'; thenAnswer?: boolean; bytes?: Buffer }
  | { kind: 'pointer-loop' }
  | { kind: 'tc-then-tcp' }
  | { kind: 'huge-length'; close?: boolean }
  | { kind: 'rcode'; rcode: string }
  | { kind: 'duplicate' }
  | { kind: 'cross-id' }

export type BehaviourChooser = (query: ReceivedQuery) => Misbehaviour

export interface ReceivedQuery {
  transport: 'udp' | 'tcp'
  id: number
  /** Name as received (0x20 case preserved), without trailing dot. */
  name: string
  type: string
  /** Whether the query carried an OPT record. */
  edns: boolean
  /** The client's source port. */
  clientPort: number
}

export interface MisbehavingServer {
  host: '127.0.0.1'
  /** UDP and TCP port. */
  port: number
  /** The UDP port of the second socket used by 'other-port'. */
  otherPort: number
  /** Sets the behaviour for every following query (a fixed one or a function of the query). */
  behave(behaviour: Misbehaviour | BehaviourChooser): void
  /** Queries received so far, in order. */
  readonly received: ReceivedQuery[]
  /** DNS messages sent so far (UDP datagrams and TCP frames, good and bad). */
  readonly sent: () => number
  /** Closes the sockets and open connections; safe to call twice. */
  stop(): Promise<void>
}

/** What the UDP and TCP sides share: pick (and record) a query's behaviour, count what is sent, act later. */
export interface Scripted {
  choose(transport: 'udp' | 'tcp', query: Packet, clientPort: number): Misbehaviour
  sent(): void
  later(ms: number, action: () => void): void
}
