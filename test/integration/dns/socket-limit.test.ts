import { createSocket, type Socket } from 'node:dgram'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { query } from '../../../electron/dns'
import { dnsSockets, SocketLimit } from '../../../electron/dns/socket-limit'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { zoneHead, zoneOf } from '../alias-server/support/zones'

/** The engine's cap on DNS sockets open at once, and many queries on one AbortSignal. */

let silent: Socket
let silentPort: number
let server: AliasServer

beforeAll(async () => {
  silent = createSocket('udp4')
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve))
  silentPort = silent.address().port
  server = await startAliasServer({ zones: [zoneOf(`${zoneHead('cap.test.')}www 300 IN A 192.0.2.5\n`)], upstream: { mode: 'simulated' }, logQueries: false })
})
afterAll(async () => {
  silent?.close()
  await server?.stop()
})

const toSilent = (timeoutMs: number, signal?: AbortSignal) =>
  query({ name: 'x.test', type: 'A', resolver: { transport: 'udp', host: '127.0.0.1', port: silentPort }, options: { timeoutMs, retries: 0, deadlineMs: timeoutMs } }, signal ? { signal } : {})
const toServer = () => query({ name: 'www.cap.test', type: 'A', resolver: { transport: 'udp', host: '127.0.0.1', port: server.port }, options: { timeoutMs: 3000, retries: 0 } })

describe('the DNS socket cap', () => {
  it('makes attempts past the cap wait their turn, and answers busy when the wait outlasts the timeout', { timeout: 20_000 }, async () => {
    const saved = { limit: dnsSockets.limit, maxWaiting: dnsSockets.maxWaiting }
    dnsSockets.limit = 2
    try {
      const holders = [toSilent(1500).catch((e: unknown) => e), toSilent(1500).catch((e: unknown) => e)]
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(dnsSockets.inUse).toBe(2)
      const busy = toSilent(200)
      await expect(busy).rejects.toMatchObject({ code: 'busy' })
      await expect(busy).rejects.toThrow(/all 2 DNS sockets stayed in use for 1\d\d ms/)
      // A query with a longer timeout waits for a free socket and is answered.
      const waited = await toServer()
      expect(waited.answer.map((r) => r.data)).toEqual(['192.0.2.5'])
      await Promise.all(holders)
      expect(dnsSockets.inUse).toBe(0)
    } finally {
      Object.assign(dnsSockets, saved)
    }
  })

  it('refuses at once when the waiting line is full', async () => {
    const limit = new SocketLimit(1, 1)
    const first = await limit.acquire(1000)
    const second = limit.acquire(1000)
    const refused = limit.acquire(1000)
    await expect(refused).rejects.toMatchObject({ code: 'busy' })
    await expect(refused).rejects.toThrow(/1 sockets open and 1 queries waiting/)
    first()
    const release = await second
    expect(limit.inUse).toBe(1)
    release()
    release()
    expect(limit.inUse).toBe(0)
  })

  it('runs 40 queries on one AbortSignal without a MaxListenersExceededWarning', { timeout: 20_000 }, async () => {
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`)
    process.on('warning', onWarning)
    try {
      const controller = new AbortController()
      const results = await Promise.all(
        Array.from({ length: 40 }, () =>
          query({ name: 'www.cap.test', type: 'A', resolver: { transport: 'udp', host: '127.0.0.1', port: server.port }, options: { timeoutMs: 3000, retries: 0 } }, { signal: controller.signal })
        )
      )
      expect(results.every((r) => r.answer[0]?.data === '192.0.2.5')).toBe(true)
      await new Promise((resolve) => setImmediate(resolve))
      expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([])
    } finally {
      process.off('warning', onWarning)
    }
  })
})
