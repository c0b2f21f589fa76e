/**
 * Sends batches of fuzz packets over UDP and TCP and checks every reply. Loopback only.
 */
import { createSocket, type Socket } from 'node:dgram'
import { connect } from 'node:net'
import { checkReply, expectsReply } from './fuzz-check'
import { fuzzPacket, type FuzzPacket } from './fuzz-packets'
import { Random } from './fuzz-random'

export interface BatchResult {
  sent: number
  replies: number
  problems: string[]
}

const HOST = '127.0.0.1'
const MAX_PROBLEMS = 20
/** Packets sent before waiting for their replies (the server's socket buffer stays far from full). */
const WINDOW = 64
const WINDOW_WAIT_MS = 400
const QUIET_MS = 60

/** `count` packets from `seed`; IDs are `firstId + i` so that every reply maps to one packet. */
export function makeBatch(seed: number, count: number, firstId: number): FuzzPacket[] {
  const r = new Random(seed)
  const out: FuzzPacket[] = []
  for (let i = 0; i < count; i++) out.push(fuzzPacket(r, firstId + i))
  return out
}

const idOf = (packet: FuzzPacket): number | undefined => (packet.bytes.length >= 2 ? packet.bytes.readUInt16BE(0) : undefined)

function tracker(packets: FuzzPacket[], transport: 'udp' | 'tcp') {
  const byId = new Map<number, { packet: FuzzPacket; replies: number }>()
  for (const packet of packets) {
    const id = idOf(packet)
    if (id !== undefined) byId.set(id, { packet, replies: 0 })
  }
  const problems: string[] = []
  let replies = 0
  const problem = (text: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(text)
  }
  return {
    problems,
    get replies() {
      return replies
    },
    onReply(reply: Buffer): void {
      replies++
      if (reply.length < 2) return problem(`${transport}: a reply of ${reply.length} octets`)
      const slot = byId.get(reply.readUInt16BE(0))
      if (!slot) return problem(`${transport}: a reply with an ID we did not send: ${reply.subarray(0, 32).toString('hex')}`)
      slot.replies++
      if (slot.replies > 1) return problem(`${transport}: ${slot.replies} replies to one ${slot.packet.kind} packet`)
      const bad = checkReply(slot.packet, reply, transport)
      if (bad) problem(bad)
    },
    replied: (packet: FuzzPacket): boolean => {
      const id = idOf(packet)
      return id !== undefined && (byId.get(id)?.replies ?? 0) > 0
    },
    /** Packets that had to be answered but were not. */
    checkAnswered(which: FuzzPacket[]): void {
      for (const packet of which) {
        if (packet.expect === 'answer' && !this.replied(packet)) problem(`${transport}: no reply to a well-formed query ${packet.bytes.toString('hex')}`)
      }
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now()
  while (!condition() && Date.now() - started < timeoutMs) await sleep(1)
}

/** One UDP socket; packets in windows of WINDOW, each window waiting for the replies it expects. */
export async function udpBatch(port: number, packets: FuzzPacket[]): Promise<BatchResult> {
  const socket: Socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, HOST, () => resolve()))
  const t = tracker(packets, 'udp')
  socket.on('message', (message) => t.onReply(message))
  try {
    for (let start = 0; start < packets.length; start += WINDOW) {
      const window = packets.slice(start, start + WINDOW)
      for (const packet of window) socket.send(packet.bytes, port, HOST)
      const awaited = window.filter(expectsReply)
      await waitFor(() => awaited.every((p) => t.replied(p)), WINDOW_WAIT_MS)
    }
    // late replies, and replies that must not come
    let last = -1
    while (last !== t.replies) {
      last = t.replies
      await sleep(QUIET_MS)
    }
    t.checkAnswered(packets)
  } finally {
    socket.close()
  }
  return { sent: packets.length, replies: t.replies, problems: t.problems }
}

/**
 * TCP framing abuse for one connection: 'clean' frames every packet (in random fragments);
 * the others add a bad frame after the packets (zero length, a length with too little data, a
 * huge length), after which the server may drop the connection.
 */
export type Framing = 'clean' | 'zero-length' | 'short-then-eof' | 'huge-length' | 'byte-by-byte'

function frame(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length + 2)
  out.writeUInt16BE(bytes.length, 0)
  bytes.copy(out, 2)
  return out
}

/** Sends `packets` on one connection, half-closes, and collects the replies until the server closes. */
export async function tcpConnection(port: number, packets: FuzzPacket[], framing: Framing, r: Random): Promise<BatchResult> {
  const t = tracker(packets, 'tcp')
  let stream = Buffer.concat(packets.map((p) => frame(p.bytes)))
  if (framing === 'zero-length') stream = Buffer.concat([stream, Buffer.from([0, 0])])
  if (framing === 'short-then-eof') stream = Buffer.concat([stream, Buffer.from([0, 40]), r.bytes(10)])
  if (framing === 'huge-length') stream = Buffer.concat([stream, Buffer.from([0xff, 0xff]), r.bytes(r.int(0, 100))])
  await new Promise<void>((resolve, reject) => {
    const socket = connect(port, HOST)
    let buffer = Buffer.alloc(0)
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`tcp (${framing}): the server neither answered everything nor closed within 10 s (${t.replies} replies)`))
    }, 10_000)
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk])
      while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
        t.onReply(buffer.subarray(2, 2 + buffer.readUInt16BE(0)))
        buffer = buffer.subarray(2 + buffer.readUInt16BE(0))
      }
    })
    socket.on('close', () => {
      clearTimeout(timer)
      if (buffer.length > 0) t.problems.push(`tcp (${framing}): ${buffer.length} octets of an unfinished reply frame at close`)
      resolve()
    })
    socket.on('connect', async () => {
      if (framing === 'byte-by-byte') {
        // the first few hundred octets one at a time, the rest at once
        const slow = Math.min(stream.length, 300)
        for (let i = 0; i < slow; i++) socket.write(stream.subarray(i, i + 1))
        socket.write(stream.subarray(slow))
      } else {
        let at = 0
        while (at < stream.length) {
          const n = r.int(1, 1500)
          socket.write(stream.subarray(at, at + n))
          at += n
          if (r.chance(0.1)) await sleep(0)
        }
      }
      const expected = packets.filter(expectsReply)
      await waitFor(() => expected.every((p) => t.replied(p)), 5000)
      // half-close: the server answers what it has, then closes its side (or times the connection out)
      socket.end()
      setTimeout(() => {
        if (socket.destroyed) return
        t.problems.push(`tcp (${framing}): the server kept the connection open 1.5 s after our half-close`)
        socket.destroy()
      }, 1500).unref()
    })
  })
  t.checkAnswered(packets)
  return { sent: packets.length, replies: t.replies, problems: t.problems }
}
