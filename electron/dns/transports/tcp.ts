import { connect } from 'node:net'
import { performance } from 'node:perf_hooks'
import { guarded } from './guard'
import { streamExchange } from './stream-exchange'
import type { Exchange, ExchangeResult } from './transport'

export const tcpExchange: Exchange = (req) =>
  guarded<ExchangeResult>(req, (g) => {
    const dialStart = performance.now()
    const socket = connect({ host: req.endpoint.address, port: req.endpoint.port, noDelay: true })
    streamExchange(g, req, socket, 'connect', dialStart)
  })
