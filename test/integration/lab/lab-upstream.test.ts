/**
 * `lab:start`'s upstream resolver through createServices(...).dispatch: a ResolverTarget, or the id of a resolver
 * of the list; Knot on 127.0.0.1 is the resolver (it serves the target zone), so the apex answers with its address.
 * Also the lab's port rule, told in the contract's error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import type { LabStatus } from '@shared/lab'
import type { ResolverEntry } from '@shared/resolvers'
import type { Services } from '../../../electron/services'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { probeUdp } from '../../../scripts/peers/probe'
import { servicesForSuite, value } from '../../support/services'
import { zoneHead } from '../alias-server/support/zones'

const apexA = async (port: number): Promise<string[]> =>
  ((await probeUdp(port, 'upstream.test', 'A', 2000)).answers ?? []).filter((a) => a.type === 'A').map((a) => String((a as { data?: unknown }).data))

describe('the lab upstream resolver', () => {
  const data = servicesForSuite('alias-inspector-lab-upstream-')
  let knot: KnotServer
  let services: Services
  let target: ResolverTarget

  beforeAll(async () => {
    knot = await startKnot({ zones: { 'target.test.': `${zoneHead('target.test.')}edge 30 IN A 192.0.2.77\n` } })
    target = { transport: 'udp', host: '127.0.0.1', port: knot.port }
    services = data.open()
    value(await services.dispatch('lab:saveZone', { text: `${zoneHead('upstream.test.')}@ 60 IN ALIAS edge.target.test.\n` }))
  })
  afterAll(async () => {
    await knot?.stop()
  })

  it('takes a ResolverTarget: the apex answers with what that resolver gives', async () => {
    const status = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'recursive', upstreamResolver: target }))
    expect(status).toMatchObject({ running: true, upstreamMode: 'recursive', upstreamTarget: target, upstreamResolver: `127.0.0.1:${knot.port}` })
    expect(await apexA(status.port!)).toEqual(['192.0.2.77'])
    value(await services.dispatch('lab:stop', undefined))
  })

  it('takes the id of a saved resolver, and names an id it does not know', async () => {
    const saved = value<ResolverEntry>(await services.dispatch('resolvers:save', { input: `127.0.0.1:${knot.port}`, label: 'knot' }))
    const status = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'authoritative', upstreamResolver: saved.id, authoritativePort: knot.port }))
    expect(status.upstreamTarget).toMatchObject({ ...target, label: 'knot' })
    expect(await apexA(status.port!)).toEqual(['192.0.2.77'])
    value(await services.dispatch('lab:stop', undefined))
    const unknown = await services.dispatch('lab:start', { upstreamMode: 'recursive', upstreamResolver: 'custom-gone' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/custom-gone/) } })
    // half a target is neither a target nor an id: the contract refuses it
    const half = await services.dispatch('lab:start', { upstreamMode: 'recursive', upstreamResolver: { host: '127.0.0.1' } })
    expect(half).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('still reads resolver text, the field’s older form, and says what is wrong with bad text', async () => {
    const status = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'recursive', upstreamResolver: `127.0.0.1:${knot.port}` }))
    expect(status.upstreamTarget).toMatchObject(target)
    expect(await apexA(status.port!)).toEqual(['192.0.2.77'])
    value(await services.dispatch('lab:stop', undefined))
    const bad = await services.dispatch('lab:start', { upstreamMode: 'recursive', upstreamResolver: '127.0.0.1:99999' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/99999/) } })
  })

  it('restarts with the resolver it used last (lab.json keeps the target)', async () => {
    const status = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'recursive' }))
    expect(status.upstreamTarget).toMatchObject(target)
    expect(await apexA(status.port!)).toEqual(['192.0.2.77'])
    value(await services.dispatch('lab:stop', undefined))
  })

  it('says which ports the lab may use', async () => {
    const high = await services.dispatch('lab:start', { upstreamMode: 'simulated', port: 70_000 })
    expect(high).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/port 70000: .*1 to 65535/) } })
    const auth = await services.dispatch('lab:start', { upstreamMode: 'authoritative', upstreamResolver: target, authoritativePort: 0 })
    expect(auth).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/port 0/) } })
    expect(value<LabStatus>(await services.dispatch('lab:status', undefined)).running).toBe(false)
  })
})
