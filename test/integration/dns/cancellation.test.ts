import { createServer as createTlsServer, type Server as TlsServer, type TLSSocket } from 'node:tls'
import { createSecureServer, type Http2SecureServer, type ServerHttp2Stream } from 'node:http2'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import { query, queryMany } from '../../../electron/dns'
import { escapedErrors } from '../../support/escaped-errors'
import { makeTestCerts, type TestCerts } from '../../../scripts/peers/certs'
import { startMisbehavingServer, type MisbehavingServer } from '../../../scripts/peers/misbehaving-server'

/** An AbortSignal ends a query in flight at once with 'cancelled', on every transport. */

let server: MisbehavingServer
let certs: TestCerts
let dot: TlsServer
let dotPort = 0
let doh: Http2SecureServer
let dohPort = 0
const held: Array<TLSSocket | ServerHttp2Stream> = []
const escapes = escapedErrors()

beforeAll(async () => {
  escapes.start()
  server = await startMisbehavingServer({ kind: 'no-reply' })
  certs = await makeTestCerts()
  const tls = { cert: readFileSync(certs.certPath), key: readFileSync(certs.keyPath) }
  // DoT peer that completes the handshake, reads the query and never answers
  dot = createTlsServer(tls, (socket) => {
    held.push(socket)
    socket.on('error', () => undefined)
  })
  // DoH peer that accepts the stream and never responds
  doh = createSecureServer({ ...tls, allowHTTP1: false })
  doh.on('stream', (stream) => {
    held.push(stream)
    stream.on('error', () => undefined)
  })
  doh.on('sessionError', () => undefined)
  await new Promise<void>((resolve) => dot.listen(0, '127.0.0.1', resolve))
  await new Promise<void>((resolve) => doh.listen(0, '127.0.0.1', resolve))
  dotPort = (dot.address() as { port: number }).port
  dohPort = (doh.address() as { port: number }).port
})

afterAll(async () => {
  for (const h of held) h.destroy()
  await new Promise<void>((resolve) => (dot ? dot.close(() => resolve()) : resolve()))
  await new Promise<void>((resolve) => (doh ? doh.close(() => resolve()) : resolve()))
  await server?.stop()
  await certs?.cleanup()
  await new Promise((resolve) => setTimeout(resolve, 100))
  escapes.stop()
})

const ABORT_AFTER = 150

async function abortMidway(resolver: ResolverTarget): Promise<{ error: unknown; ms: number }> {
  const controller = new AbortController()
  const started = performance.now()
  const timer = setTimeout(() => controller.abort(), ABORT_AFTER)
  const error = await query(
    { name: 'cancel.test', type: 'A', resolver, options: { timeoutMs: 5000, deadlineMs: 10_000 } },
    { signal: controller.signal, ca: certs.caPem }
  ).then(
    () => undefined,
    (e: unknown) => e
  )
  clearTimeout(timer)
  return { error, ms: performance.now() - started }
}

describe('AbortSignal', () => {
  it.each([
    ['udp', () => ({ transport: 'udp', host: server.host, port: server.port }) as ResolverTarget],
    ['tcp', () => ({ transport: 'tcp', host: server.host, port: server.port }) as ResolverTarget],
    ['dot', () => ({ transport: 'dot', host: '127.0.0.1', port: dotPort }) as ResolverTarget],
    [
      'doh',
      () =>
        ({ transport: 'doh', host: '127.0.0.1', port: dohPort, url: `https://127.0.0.1:${dohPort}/dns-query` }) as ResolverTarget
    ]
  ])('cancels a %s query in flight', async (transport, target) => {
    const before = server.received.length
    const heldBefore = held.length
    const { error, ms } = await abortMidway(target())
    expect(error).toMatchObject({ name: 'ServiceError', code: 'cancelled' })
    expect(ms).toBeGreaterThanOrEqual(ABORT_AFTER - 10)
    expect(ms).toBeLessThan(ABORT_AFTER + 400)
    // the query really was in flight
    if (transport === 'udp' || transport === 'tcp') expect(server.received.length).toBe(before + 1)
    else expect(held.length).toBeGreaterThan(heldBefore)
  })

  it('an already aborted signal sends nothing', async () => {
    const before = server.received.length
    const controller = new AbortController()
    controller.abort()
    await expect(
      query(
        { name: 'cancel.test', type: 'A', resolver: { transport: 'udp', host: server.host, port: server.port } },
        { signal: controller.signal }
      )
    ).rejects.toMatchObject({ code: 'cancelled' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.received.length).toBe(before)
  })

  it('cancels every resolver of a queryMany in flight', async () => {
    const controller = new AbortController()
    const started = performance.now()
    setTimeout(() => controller.abort(), ABORT_AFTER)
    const results = await queryMany(
      {
        name: 'cancel.test',
        type: 'A',
        resolvers: [
          { transport: 'udp', host: server.host, port: server.port },
          { transport: 'tcp', host: server.host, port: server.port }
        ],
        options: { timeoutMs: 5000, deadlineMs: 10_000 }
      },
      { signal: controller.signal }
    )
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['cancelled', 'cancelled'])
    expect(performance.now() - started).toBeLessThan(ABORT_AFTER + 400)
  })
})
