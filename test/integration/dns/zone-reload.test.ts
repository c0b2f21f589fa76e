import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { query } from '../../../electron/dns'
import { INSPECT_ORIGIN, withSerial, zoneText } from '../../fixtures/zones'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'

/** The Knot fixture's reloadZone: the engine sees the new data once the new serial is served. */

let knot: KnotServer
beforeAll(async () => {
  knot = await startKnot({ zones: { [INSPECT_ORIGIN]: zoneText('inspect.test') } })
})
afterAll(async () => {
  await knot?.stop()
  await knot?.stop() // stop is idempotent
})

describe('Knot fixture zone reload', () => {
  it('serves the changed records after reloadZone', async () => {
    const ask = () =>
      query({ name: 'www.inspect.test', type: 'A', resolver: { transport: 'udp', host: knot.host, port: knot.port } })
    expect((await ask()).answer.map((r) => r.data)).toEqual(['192.0.2.80'])
    const changed = withSerial(zoneText('inspect.test'), 2024010102).replace(
      /^www(\s+)300(\s+)IN A(\s+)192\.0\.2\.80$/m,
      'www$1300$2IN A$3198.51.100.80'
    )
    expect(changed).toContain('198.51.100.80')
    await knot.reloadZone(INSPECT_ORIGIN, changed)
    expect((await ask()).answer.map((r) => r.data)).toEqual(['198.51.100.80'])
    const soa = await query({ name: 'inspect.test', type: 'SOA', resolver: { transport: 'tcp', host: knot.host, port: knot.port } })
    expect(soa.answer[0]!.data).toContain(' 2024010102 ')
  })
})
