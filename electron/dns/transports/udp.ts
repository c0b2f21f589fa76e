import { createSocket } from 'node:dgram'
import { lookup } from 'node:dns'
import { isIP } from 'node:net'
import { performance } from 'node:perf_hooks'
import { canonicalIp } from '../ip'
import { matchResponse } from '../match-response'
import { guarded } from './guard'
import type { Exchange, ExchangeResult } from './transport'

/**
 * One UDP attempt on a fresh socket (so a fresh random source port). The socket is connected:
 * the kernel then drops datagrams from other sources and reports ICMP port-unreachable as
 * ECONNREFUSED; the matcher checks the source again anyway.
 */
// Endpoints are IP literals by now; answering the bind and connect look-ups synchronously saves two
// event-loop hops per socket on the hot path.
function literalLookup(
  address: string,
  family: unknown,
  callback: (err: NodeJS.ErrnoException | null, address: string, family: number) => void
): void {
  const f = isIP(address)
  if (f) callback(null, address, f)
  else lookup(address, family as number, callback)
}

export const udpExchange: Exchange = (req) =>
  guarded<ExchangeResult>(req, (g) => {
    const { endpoint, stats } = req
    const socket = createSocket({ type: isIP(endpoint.address) === 6 ? 'udp6' : 'udp4', lookup: literalLookup })
    g.onCleanup(() => socket.close())
    let sentAt = 0
    socket.on('error', (err) => g.reject(err))
    socket.on('message', (msg, rinfo) => {
      if (g.settled) return
      const receivedAt = performance.now()
      let verdict
      try {
        verdict = matchResponse(req.expect, msg, { address: canonicalIp(rinfo.address), port: rinfo.port })
      } catch (err) {
        g.reject(err)
        return
      }
      if (!verdict.ok) {
        stats.ignored++
        stats.lastIgnoredReason = verdict.reason
        return
      }
      g.resolve({ response: msg, exchangeMs: receivedAt - sentAt, receivedAtMonoMs: receivedAt })
    })
    socket.connect(endpoint.port, endpoint.address, () => {
      if (g.settled) return
      sentAt = performance.now()
      socket.send(req.query) // without a callback, send errors arrive as 'error' events
    })
  })
