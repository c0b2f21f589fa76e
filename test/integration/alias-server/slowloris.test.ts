import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { ask, datas } from './support/ask'
import { frame, wireQuery } from './support/raw-dns'
import { zoneHead, zoneOf } from './support/zones'

/**
 * Slowloris: hundreds of connections that drip one octet at a time or say nothing, from the
 * legitimate client's own address and from others (127.0.0.0/8 is all loopback on Linux). Before
 * the fix they held every slot and legitimate TCP queries got 0 answers.
 */

const ATTACKERS = 480
const DRIP_MS = 300
const PROBES = 30
const PROBE_GAP_MS = 150
/** What a dripping connection sends, one octet per tick: a real query, so each octet is plausible. */
const DRIPPED = frame(wireQuery('www.loris.test', 'A', 1))

let server: AliasServer
const attackers: Socket[] = []

function open(port: number, localAddress: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress })
    socket.on('error', () => resolve(null))
    socket.once('connect', () => resolve(socket))
    socket.on('close', () => resolve(null))
  })
}

beforeAll(async () => {
  server = await startAliasServer({
    zones: [zoneOf([zoneHead('loris.test.'), 'www 300 IN A 192.0.2.7'].join('\n'))],
    upstream: { mode: 'simulated' },
    logQueries: false,
    settings: { tcpMaxConnections: 256, tcpMaxConnectionsPerClient: 32, tcpIoTimeoutMs: 1000, tcpIdleTimeoutMs: 10_000 }
  })
})

afterAll(async () => {
  for (const s of attackers) s.destroy()
  await server?.stop()
})

describe('TCP under a slowloris', () => {
  it('keeps answering legitimate TCP (and UDP) queries while hundreds of connections drip or stay silent', { timeout: 60_000 }, async () => {
    // A third from the legitimate client's own address, the rest from 20 other loopback addresses.
    const local = (i: number): string => (i % 3 === 0 ? '127.0.0.1' : `127.0.1.${(i % 20) + 1}`)
    const dripping = new Set<Socket>()
    let tick = 0
    const drip = (): void => {
      const octet = DRIPPED.subarray(tick % DRIPPED.length, (tick % DRIPPED.length) + 1)
      tick++
      for (const s of dripping) if (!s.destroyed) s.write(octet)
    }
    const opener = (async () => {
      for (let i = 0; i < ATTACKERS; i += 20) {
        const batch = await Promise.all(Array.from({ length: 20 }, (_, k) => open(server.port, local(i + k))))
        batch.forEach((s, k) => {
          if (!s) return
          attackers.push(s)
          if ((i + k) % 2 === 0) dripping.add(s)
        })
      }
    })()
    const dripTimer = setInterval(drip, DRIP_MS)
    await opener

    let answered = 0
    let udpAnswered = 0
    const failures: string[] = []
    for (let i = 0; i < PROBES; i++) {
      const udp = await ask(server.port, 'www.loris.test', 'A', { timeoutMs: 2000 }).catch(() => undefined)
      if (udp && datas(udp)[0] === '192.0.2.7') udpAnswered++
      try {
        const r = await ask(server.port, 'www.loris.test', 'A', { transport: 'tcp', timeoutMs: 2000 })
        if (datas(r)[0] === '192.0.2.7') answered++
        else failures.push(`answer ${datas(r).join(',')}`)
      } catch (error) {
        failures.push(String(error))
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_GAP_MS))
      // Keep the pressure on: reopen what the server closed.
      const reopen = attackers.filter((s) => s.destroyed).length
      for (let k = 0; k < Math.min(reopen, 40); k++) {
        const s = await open(server.port, local(k))
        if (s) {
          attackers.push(s)
          if (k % 2 === 0) dripping.add(s)
        }
      }
    }
    clearInterval(dripTimer)
    const c = server.counters()
    expect(answered / PROBES, `answered ${answered} of ${PROBES}; failures: ${failures.slice(0, 3).join(' | ')}`).toBeGreaterThanOrEqual(0.9)
    expect(udpAnswered / PROBES).toBeGreaterThanOrEqual(0.9)
    // The drips were closed by the request timeout, the silent surplus by eviction.
    expect(c.tcpTimeouts).toBeGreaterThan(0)
    expect(c.tcpEvictions).toBeGreaterThan(0)
  })
})
