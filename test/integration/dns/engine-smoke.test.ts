import { createSocket, type Socket as UdpSocket } from 'node:dgram'
import { createServer, type Server, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import * as packet from 'dns-packet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { query, queryMany } from '../../../electron/dns/index'
import { freePort } from '../../../scripts/peers/ports'

/**
 * A tiny authoritative server on 127.0.0.1 (UDP + TCP on the same port):
 * - big.test.: over UDP an empty answer with TC set; over TCP 40 A records, written in pieces;
 * - slow.test.: never answers;
 * - anything else: one A record, preceded over UDP by a decoy with the wrong ID.
 */
let port = 0
let udp: UdpSocket
let tcp: Server
const udpQueries: string[] = []
const tcpSockets = new Set<Socket>()

function answer(q: packet.Packet, transport: 'udp' | 'tcp'): Buffer | undefined {
  const question = q.questions?.[0]
  if (!question) return undefined
  const name = question.name.toLowerCase()
  if (name === 'slow.test') return undefined
  const base = { id: q.id, type: 'response' as const, questions: q.questions }
  if (name === 'big.test') {
    if (transport === 'udp') return packet.encode({ ...base, flags: packet.TRUNCATED_RESPONSE | packet.AUTHORITATIVE_ANSWER })
    const answers = Array.from({ length: 40 }, (_, i) => ({ name: question.name, type: 'A' as const, ttl: 60, data: `192.0.2.${i + 1}` }))
    return packet.encode({ ...base, flags: packet.AUTHORITATIVE_ANSWER, answers })
  }
  return packet.encode({
    ...base,
    flags: packet.AUTHORITATIVE_ANSWER,
    answers: [{ name: question.name, type: 'A', ttl: 300, data: '192.0.2.1' }]
  })
}

beforeAll(async () => {
  port = await freePort()
  udp = createSocket('udp4')
  udp.on('message', (msg, rinfo) => {
    const q = packet.decode(msg)
    udpQueries.push(q.questions?.[0]?.name ?? '')
    const r = answer(q, 'udp')
    if (!r) return
    if (q.questions?.[0]?.name.toLowerCase() === 'www.test') {
      const decoy = Buffer.from(r)
      decoy.writeUInt16BE((q.id! + 1) & 0xffff, 0)
      udp.send(decoy, rinfo.port, rinfo.address)
    }
    udp.send(r, rinfo.port, rinfo.address)
  })
  await new Promise<void>((resolve) => udp.bind(port, '127.0.0.1', resolve))
  tcp = createServer((socket) => {
    tcpSockets.add(socket)
    socket.on('close', () => tcpSockets.delete(socket))
    socket.on('error', () => undefined)
    let buf = Buffer.alloc(0)
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk])
      if (buf.length < 2 || buf.length < buf.readUInt16BE(0) + 2) return
      const r = answer(packet.decode(buf.subarray(2, buf.readUInt16BE(0) + 2)), 'tcp')
      if (!r) return
      const framed = Buffer.concat([Buffer.from([r.length >> 8, r.length & 0xff]), r])
      // split the reply so the client has to reassemble it
      socket.write(framed.subarray(0, 1))
      setTimeout(() => socket.write(framed.subarray(1, 100)), 5)
      setTimeout(() => socket.end(framed.subarray(100)), 10)
    })
  })
  await new Promise<void>((resolve) => tcp.listen(port, '127.0.0.1', resolve))
})

afterAll(async () => {
  udp?.close()
  for (const s of tcpSockets) s.destroy()
  await new Promise<void>((resolve) => (tcp ? tcp.close(() => resolve()) : resolve()))
})

const resolver = () => ({ transport: 'udp' as const, host: '127.0.0.1', port })

describe('DNS engine against an in-test server', () => {
  it('answers over UDP and ignores a decoy with the wrong ID', async () => {
    const r = await query({ name: 'www.test', type: 'A', resolver: resolver(), options: { randomCase: true } })
    expect(r.transport).toBe('udp')
    expect(r.answer.map((a) => a.data)).toEqual(['192.0.2.1'])
    expect(r.answer[0]?.name.toLowerCase()).toBe('www.test.')
    expect(r.ignored).toBe(1)
    expect(r.attempts).toBe(1)
    expect(r.truncatedRetried).toBe(false)
    expect(r.header.flags.aa).toBe(true)
    expect(r.timing.exchangeMs).toBeGreaterThanOrEqual(0)
    expect(r.timing.totalMs).toBeGreaterThanOrEqual(r.timing.exchangeMs)
    expect(r.timing.connectMs).toBeUndefined()
    expect(r.sizes.query).toBe(r.raw.query.length / 2)
    expect(packet.decode(Buffer.from(r.raw.query, 'hex')).id).toBe(r.header.id)
  })

  it('retries over TCP when the UDP answer is truncated', async () => {
    const r = await query({ name: 'big.test', type: 'A', resolver: resolver() })
    expect(r.transport).toBe('tcp')
    expect(r.truncatedRetried).toBe(true)
    expect(r.attempts).toBe(2)
    expect(r.answer).toHaveLength(40)
    expect(r.answer[39]?.data).toBe('192.0.2.40')
    expect(r.timing.connectMs).toBeGreaterThanOrEqual(0)
  })

  it('returns the truncated UDP answer when the TCP fallback is off', async () => {
    const r = await query({ name: 'big.test', type: 'A', resolver: resolver(), options: { tcpFallback: false } })
    expect(r.transport).toBe('udp')
    expect(r.header.flags.tc).toBe(true)
    expect(r.answer).toHaveLength(0)
  })

  it('cancels on AbortSignal well before the timeout', async () => {
    const controller = new AbortController()
    const started = performance.now()
    setTimeout(() => controller.abort(), 50)
    const p = query(
      { name: 'slow.test', type: 'A', resolver: resolver(), options: { timeoutMs: 5000, deadlineMs: 10000 } },
      { signal: controller.signal }
    )
    await expect(p).rejects.toMatchObject({ code: 'cancelled' })
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('retries a silent server, then times out', async () => {
    const before = udpQueries.filter((n) => n === 'slow.test').length
    await expect(
      query({ name: 'slow.test', type: 'A', resolver: resolver(), options: { timeoutMs: 150, retries: 1 } })
    ).rejects.toMatchObject({ code: 'timeout' })
    expect(udpQueries.filter((n) => n === 'slow.test').length - before).toBe(2)
  })

  it('fans out: a silent resolver fails on its own deadline without holding up the others', async () => {
    const started = performance.now()
    const results = await queryMany({
      name: 'www.test',
      type: 'A',
      resolvers: [resolver(), { ...resolver(), transport: 'tcp' }, { ...resolver(), port: 9, label: 'closed' }],
      options: { timeoutMs: 300, deadlineMs: 400, retries: 0 }
    })
    expect(results.map((r) => r.ok)).toEqual([true, true, false])
    const failed = results[2]
    expect(failed?.ok === false && ['refused', 'timeout'].includes(failed.error.code)).toBe(true)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
