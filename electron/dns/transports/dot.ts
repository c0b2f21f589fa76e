import { performance } from 'node:perf_hooks'
import { connect } from 'node:tls'
import { guarded } from './guard'
import { streamExchange } from './stream-exchange'
import { tlsOptions } from './tls-options'
import type { Exchange, ExchangeResult } from './transport'

/** RFC 7858 DNS over TLS: the TCP framing inside a verified TLS session. */
export const dotExchange: Exchange = (req) =>
  guarded<ExchangeResult>(req, (g) => {
    const dialStart = performance.now()
    const socket = connect(tlsOptions(req.endpoint, req.ca))
    streamExchange(g, req, socket, 'secureConnect', dialStart, () => ({
      tls: {
        protocol: socket.getProtocol() ?? undefined,
        ...(socket.alpnProtocol ? { alpn: socket.alpnProtocol } : {}),
        ...(req.endpoint.servername ? { serverName: req.endpoint.servername } : {})
      }
    }))
  })
