import { afterAll, beforeAll } from 'vitest'
import { INSPECT_ORIGIN, zoneText } from '../fixtures/zones'
import { makeTestCerts, type TestCerts } from '../../scripts/peers/certs'
import { startKnot, type KnotServer } from '../../scripts/peers/knot'
import { startUnbound, type UnboundServer } from '../../scripts/peers/unbound'

export interface TlsUnbound {
  certs: TestCerts
  knot: KnotServer
  unbound: UnboundServer
}

/** Knot serving the inspect.test fixture behind an Unbound that also speaks DoT and DoH (test certificates), for the surrounding suite. */
export function tlsUnboundForSuite(): TlsUnbound {
  const peers = {} as TlsUnbound
  beforeAll(async () => {
    peers.certs = await makeTestCerts()
    peers.knot = await startKnot({ zones: { [INSPECT_ORIGIN]: zoneText('inspect.test') } })
    peers.unbound = await startUnbound({ stubs: [{ zone: INSPECT_ORIGIN, port: peers.knot.port }], tls: { certPath: peers.certs.certPath, keyPath: peers.certs.keyPath } })
  })
  afterAll(async () => {
    await peers.unbound?.stop()
    await peers.knot?.stop()
    await peers.certs?.cleanup()
  })
  return peers
}
