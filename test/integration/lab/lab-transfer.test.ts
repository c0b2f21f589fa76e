/**
 * lab:transfer: an AXFR of the lab zone from the running server, raw and expanded, and the refusals
 * (stopped server, a name that is not the lab's zone, a signed zone, bad input).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { LabTransferResult } from '@shared/lab'
import type { Services } from '../../../electron/services'
import { servicesForSuite, value } from '../../support/services'

const apex = (t: LabTransferResult) => t.records.filter((rr) => rr.name === 'example.test.' && ['A', 'AAAA', 'ALIAS'].includes(rr.type)).map((rr) => `${rr.type} ${rr.data}`)

describe('lab:transfer (AXFR from the lab server on loopback)', () => {
  const data = servicesForSuite('alias-inspector-transfer-')
  let services: Services
  beforeAll(() => {
    services = data.open()
  })

  it('refuses while stopped and rejects bad input', async () => {
    const stopped = await services.dispatch('lab:transfer', { zone: 'example.test.' })
    expect(stopped.ok).toBe(false)
    if (!stopped.ok) expect(stopped.error.message).toContain('the lab server is not running')
    expect((await services.dispatch('lab:transfer', { zone: '' })).ok).toBe(false)
    expect((await services.dispatch('lab:transfer', { zone: 'example.test.', host: '192.0.2.1' } as never)).ok, 'no other host').toBe(false)
  })

  it('raw carries the ALIAS record, expanded the addresses; SOA first and last', async () => {
    value(await services.dispatch('lab:start', { upstreamMode: 'simulated', port: 0 }))
    value(await services.dispatch('lab:setTarget', { a: ['192.0.2.10'], aaaa: [], ttl: 300 }))
    const raw = value<LabTransferResult>(await services.dispatch('lab:transfer', { zone: 'example.test' }))
    expect(raw.rcode).toBe('NOERROR')
    expect(raw.records[0]!.type).toBe('SOA')
    expect(raw.records.at(-1)!.type).toBe('SOA')
    expect(apex(raw)).toEqual(['ALIAS cdn.example.test.'])

    value(await services.dispatch('lab:start', { upstreamMode: 'simulated', axfr: 'expanded' }))
    const expanded = value<LabTransferResult>(await services.dispatch('lab:transfer', { zone: 'example.test.' }))
    expect(apex(expanded)).toEqual(['A 192.0.2.10'])
  })

  it('a name that is not a zone of the server is answered NOTAUTH; a signed zone is refused with the reason', async () => {
    const other = value<LabTransferResult>(await services.dispatch('lab:transfer', { zone: 'other.test.' }))
    expect(other).toMatchObject({ rcode: 'NOTAUTH', records: [] })
    value(await services.dispatch('lab:start', { upstreamMode: 'simulated', dnssec: { algorithm: 'ecdsap256sha256', denial: 'nsec' } }))
    const signed = value<LabTransferResult>(await services.dispatch('lab:transfer', { zone: 'example.test.' }))
    expect(signed.rcode).toBe('REFUSED')
    expect(signed.reason).toContain('signed online')
  })
})
