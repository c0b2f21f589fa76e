import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram'
import { createServer, type Server, type Socket as TcpSocket } from 'node:net'
import * as dnsPacket from 'dns-packet'
import { freePort } from './ports'

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

export const MISBEHAVING_A = '192.0.2.1'

function parseQuery(message: Buffer): dnsPacket.Packet | undefined {
  try {
    const packet = dnsPacket.decode(message)
    return packet.questions && packet.questions.length > 0 ? packet : undefined
  } catch {
    return undefined
  }
}

/** Offset just after the question section (the query's name is uncompressed). */
function questionEnd(message: Buffer): number {
  let offset = 12
  while (offset < message.length) {
    const length = message[offset]!
    if (length === 0) return offset + 1 + 4
    if ((length & 0xc0) === 0xc0) return offset + 2 + 4
    offset += 1 + length
  }
  return message.length
}

function answerRecords(question: dnsPacket.Question): dnsPacket.Answer[] {
  if (question.type === 'A') {
    return [{ name: question.name, type: 'A', class: 'IN', ttl: 60, data: MISBEHAVING_A }]
  }
  if (question.type === 'TXT') {
    const count = question.name.toLowerCase().startsWith('big') ? 40 : 1
    return Array.from({ length: count }, (_, index) => ({
      name: question.name,
      type: 'TXT' as const,
      class: 'IN' as const,
      ttl: 60,
      data: `txt-${String(index).padStart(2, '0')}-${'x'.repeat(count > 1 ? 60 : 8)}`
    }))
  }
  return []
}

function response(
  query: dnsPacket.Packet,
  overrides: { id?: number; name?: string; tc?: boolean; rcode?: string; answers?: dnsPacket.Answer[] } = {}
): Buffer {
  const question = query.questions![0]!
  const questions = [{ ...question, name: overrides.name ?? question.name }]
  const hasOpt = (query.additionals ?? []).some((record) => record.type === 'OPT')
  let flags = dnsPacket.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED)
  if (overrides.tc) flags |= dnsPacket.TRUNCATED_RESPONSE
  const packet: dnsPacket.Packet = {
    type: 'response',
    id: overrides.id ?? query.id ?? 0,
    flags,
    questions,
    answers: overrides.answers ?? answerRecords(question),
    additionals: hasOpt
      ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }]
      : []
  }
  const encoded = dnsPacket.encode(packet)
  if (overrides.rcode) {
    const codes: Record<string, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 }
    const code = codes[overrides.rcode] ?? 0
    encoded[3] = (encoded[3]! & 0xf0) | code
  }
  return encoded
}

function pointerLoop(message: Buffer, query: dnsPacket.Packet): Buffer {
  const end = questionEnd(message)
  const header = Buffer.alloc(12)
  header.writeUInt16BE(query.id ?? 0, 0)
  header.writeUInt16BE(0x8400 | ((query.flags ?? 0) & 0x0100), 2) // QR AA (+RD)
  header.writeUInt16BE(1, 4)
  header.writeUInt16BE(1, 6)
  const question = message.subarray(12, end)
  const answerOffset = 12 + question.length
  const answer = Buffer.alloc(2 + 10 + 4)
  answer.writeUInt16BE(0xc000 | answerOffset, 0) // points at itself
  answer.writeUInt16BE(1, 2)
  answer.writeUInt16BE(1, 4)
  answer.writeUInt32BE(60, 6)
  answer.writeUInt16BE(4, 10)
  Buffer.from([192, 0, 2, 1]).copy(answer, 12)
  return Buffer.concat([header, question, answer])
}

const frame = (message: Buffer): Buffer => {
  const prefix = Buffer.alloc(2)
  prefix.writeUInt16BE(message.length, 0)
  return Buffer.concat([prefix, message])
}

/** A scripted DNS server on 127.0.0.1 (UDP + TCP, same port) for error-path tests. */
export async function startMisbehavingServer(
  initial: Misbehaviour | BehaviourChooser = { kind: 'answer' }
): Promise<MisbehavingServer> {
  let choose: BehaviourChooser = typeof initial === 'function' ? initial : () => initial
  const received: ReceivedQuery[] = []
  let sentCount = 0
  const lastIdFrom = new Map<string, number>()
  const timers = new Set<NodeJS.Timeout>()
  const connections = new Set<TcpSocket>()
  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      action()
    }, ms)
    timers.add(timer)
  }

  const bindUdp = (port: number): Promise<UdpSocket> =>
    new Promise((resolve, reject) => {
      const socket = createSocket('udp4')
      socket.once('error', reject)
      socket.bind(port, '127.0.0.1', () => {
        socket.removeListener('error', reject)
        socket.on('error', () => undefined)
        resolve(socket)
      })
    })
  const listenTcp = (server: Server, port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', reject)
        resolve()
      })
    })

  let udp: UdpSocket | undefined
  let tcp: Server | undefined
  let port = 0
  for (let attempt = 0; attempt < 10 && !tcp; attempt++) {
    port = await freePort()
    try {
      udp = await bindUdp(port)
      const server = createServer()
      await listenTcp(server, port)
      tcp = server
    } catch {
      udp?.close()
      udp = undefined
    }
  }
  if (!udp || !tcp) throw new Error('misbehaving server: could not bind UDP and TCP on one free port')
  const other = await bindUdp(await freePort())
  const otherPort = (other.address()).port

  const record = (transport: 'udp' | 'tcp', query: dnsPacket.Packet, clientPort: number): ReceivedQuery => {
    const question = query.questions![0]!
    const entry: ReceivedQuery = {
      transport,
      id: query.id ?? 0,
      name: question.name,
      type: question.type,
      edns: (query.additionals ?? []).some((r) => r.type === 'OPT'),
      clientPort
    }
    received.push(entry)
    return entry
  }

  const udpSocket = udp
  udpSocket.on('message', (message: Buffer, remote: RemoteInfo) => {
    const query = parseQuery(message)
    if (!query) return
    const behaviour = choose(record('udp', query, remote.port))
    const send = (data: Buffer, via: UdpSocket = udpSocket): void => {
      sentCount++
      via.send(data, remote.port, remote.address)
    }
    const client = `${remote.address}#${remote.port}`
    const previousId = lastIdFrom.get(client)
    lastIdFrom.set(client, query.id ?? 0)
    // a well-behaved UDP answer honours the client's size (EDNS payload size, else 512 octets)
    const opt = (query.additionals ?? []).find((r) => r.type === 'OPT')
    const limit = opt && opt.type === 'OPT' ? Math.max(512, opt.udpPayloadSize) : 512
    const good = (): Buffer => {
      const full = response(query)
      return full.length <= limit ? full : response(query, { tc: true, answers: [] })
    }
    switch (behaviour.kind) {
      case 'answer':
        return send(good())
      case 'no-reply':
      case 'huge-length':
        return
      case 'delay':
        return later(behaviour.ms, () => send(good()))
      case 'wrong-id':
        send(response(query, { id: ((query.id ?? 0) + 1) & 0xffff }))
        if (behaviour.thenAnswer) later(20, () => send(good()))
        return
      case 'wrong-question':
        send(response(query, { name: 'wrong.invalid' }))
        if (behaviour.thenAnswer) later(20, () => send(good()))
        return
      case 'other-port':
        send(good(), other)
        if (behaviour.thenAnswer) later(20, () => send(good()))
        return
      case 'garbage': {
        const full = good()
        send(behaviour.bytes ?? full.subarray(0, Math.max(14, Math.floor(full.length / 2))))
        if (behaviour.thenAnswer) later(20, () => send(good()))
        return
      }
      case 'pointer-loop':
        return send(pointerLoop(message, query))
      case 'tc-then-tcp':
        return send(response(query, { tc: true, answers: [] }))
      case 'rcode':
        return send(response(query, { rcode: behaviour.rcode, answers: [] }))
      case 'duplicate':
        send(good())
        return later(5, () => send(good()))
      case 'cross-id':
        if (previousId !== undefined && previousId !== query.id) send(response(query, { id: previousId }))
        return later(5, () => send(good()))
    }
  })

  tcp.on('connection', (socket) => {
    connections.add(socket)
    socket.on('close', () => connections.delete(socket))
    socket.on('error', () => undefined)
    let buffer = Buffer.alloc(0)
    let previousId: number | undefined
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk])
      while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
        const message = buffer.subarray(2, 2 + buffer.readUInt16BE(0))
        buffer = buffer.subarray(2 + message.length)
        const query = parseQuery(message)
        if (!query) continue
        const behaviour = choose(record('tcp', query, socket.remotePort ?? 0))
        const send = (data: Buffer): void => {
          if (socket.destroyed) return
          sentCount++
          socket.write(frame(data))
        }
        const lastId = previousId
        previousId = query.id ?? 0
        const good = (): Buffer => response(query)
        switch (behaviour.kind) {
          case 'answer':
          case 'other-port':
          case 'tc-then-tcp':
            send(good())
            break
          case 'no-reply':
            break
          case 'delay':
            later(behaviour.ms, () => send(good()))
            break
          case 'wrong-id':
            send(response(query, { id: ((query.id ?? 0) + 1) & 0xffff }))
            if (behaviour.thenAnswer) send(good())
            if (behaviour.close) socket.end()
            break
          case 'wrong-question':
            send(response(query, { name: 'wrong.invalid' }))
            if (behaviour.thenAnswer) send(good())
            if (behaviour.close) socket.end()
            break
          case 'garbage': {
            const full = good()
            send(behaviour.bytes ?? full.subarray(0, Math.max(14, Math.floor(full.length / 2))))
            if (behaviour.thenAnswer) send(good())
            break
          }
          case 'pointer-loop':
            send(pointerLoop(message, query))
            break
          case 'huge-length': {
            const prefix = Buffer.from([0xff, 0xff])
            socket.write(Buffer.concat([prefix, good().subarray(0, 12)]))
            if (behaviour.close) socket.end()
            break
          }
          case 'rcode':
            send(response(query, { rcode: behaviour.rcode, answers: [] }))
            break
          case 'duplicate':
            send(good())
            send(good())
            break
          case 'cross-id':
            if (lastId !== undefined && lastId !== query.id) send(response(query, { id: lastId }))
            send(good())
            break
        }
      }
    })
  })

  const tcpServer = tcp
  let stopped: Promise<void> | undefined
  return {
    host: '127.0.0.1',
    port,
    otherPort,
    received,
    sent: () => sentCount,
    behave(behaviour) {
      choose = typeof behaviour === 'function' ? behaviour : () => behaviour
    },
    stop() {
      stopped ??= (async () => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        for (const socket of connections) socket.destroy()
        await Promise.all([
          new Promise<void>((resolve) => udpSocket.close(() => resolve())),
          new Promise<void>((resolve) => other.close(() => resolve())),
          new Promise<void>((resolve) => tcpServer.close(() => resolve()))
        ])
      })()
      return stopped
    }
  }
}
