/** A stale apex the running lab serves is dated with the lab's own TTL rule (inspect:run and watch:get). */
import { beforeAll, describe, expect, it } from 'vitest'
import type { InspectResult, WatchDetail, WatchSession } from '@shared/inspector'
import type { LabStatus } from '@shared/lab'
import type { Services } from '../../../electron/services'
import { servicesForSuite, value } from '../../support/services'

/** The demo zone's ALIAS record TTL, and the simulated target's TTL set below. */
const ALIAS_TTL = 60
const TARGET_TTL = 20

describe("the lab's TTL rule dates its stale apex", () => {
  const data = servicesForSuite('alias-inspector-lab-stale-rule-')
  let services: Services
  let port: number

  beforeAll(async () => {
    services = data.open()
    const status = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'simulated', settings: { ttlPolicy: 'record' } }))
    port = status.port!
    value(await services.dispatch('lab:setTarget', { a: ['192.0.2.10'], aaaa: ['2001:db8::10'], ttl: TARGET_TTL }))
  })

  const inspectLab = async (policy?: string): Promise<InspectResult> =>
    value<InspectResult>(
      await services.dispatch('inspect:run', {
        apex: 'example.test',
        target: 'cdn.example.test',
        resolvers: [{ transport: 'udp', host: '127.0.0.1', port, label: 'lab' }],
        authoritativePort: port,
        ...(policy ? { policy } : {})
      } as never)
    )

  it("inspect:run without a rule takes the lab's ('record': target TTL + ALIAS TTL), and a rule given still wins", async () => {
    expect((await inspectLab()).verdict.verdict).toBe('likely')
    // the target moves on; the server keeps its copy of the old set for the target TTL
    value(await services.dispatch('lab:setTarget', { a: ['192.0.2.20'], aaaa: ['2001:db8::10'], ttl: TARGET_TTL }))
    const stale = await inspectLab()
    expect(stale.verdict.verdict).toBe('stale')
    const [window] = stale.verdict.stale!
    expect(window!.formula).toBe(`target TTL ${TARGET_TTL} s + apex TTL = ALIAS TTL ${ALIAS_TTL} s = ${TARGET_TTL + ALIAS_TTL} s`)
    expect(window!.followByWallMs - window!.sinceWallMs).toBe((TARGET_TTL + ALIAS_TTL) * 1000)
    const asked = await inspectLab('min')
    expect(asked.verdict.stale![0]!.followByWallMs - asked.verdict.stale![0]!.sinceWallMs).toBe(2 * TARGET_TTL * 1000)
  })

  it("watch:get and watch:export without a rule take the lab's; 'constant:N' too", async () => {
    value(await services.dispatch('lab:updateSettings', { ttlPolicy: 'constant:300' }))
    const session = value<WatchSession>(
      await services.dispatch('watch:start', {
        apex: 'example.test',
        target: 'cdn.example.test',
        resolvers: [{ transport: 'udp', host: '127.0.0.1', port, label: 'lab' }],
        mode: 'interval',
        intervalSeconds: 1,
        authoritativePort: port
      } as never)
    )
    let detail: WatchDetail | undefined
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      detail = value<WatchDetail>(await services.dispatch('watch:get', { id: session.id }))
      if (detail.analysis.bound) break
      await new Promise((r) => setTimeout(r, 100))
    }
    value(await services.dispatch('watch:stop', { id: session.id }))
    expect(detail?.analysis.bound).toMatchObject({ policy: 'constant:300', servedApexTtl: 300, seconds: TARGET_TTL + 300 })
    const exported = JSON.parse(value<string>(await services.dispatch('watch:export', { id: session.id, format: 'json' }))) as { analysis: WatchDetail['analysis'] }
    expect(exported.analysis.bound?.policy).toBe('constant:300')
    const chosen = value<WatchDetail>(await services.dispatch('watch:get', { id: session.id, policy: 'fixed' }))
    expect(chosen.analysis.bound?.policy).toBe('fixed')
  }, 30_000)
})
