import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { delegationViewSchema } from '../../../shared/delegation'
import { dsWire } from '../../../electron/dnssec/chain-zones'
import { delegationView } from '../../../electron/trace/delegation'
import { chainHandlers } from '../../../electron/services/chain-handlers'
import { EventBus } from '../../../electron/api/event-bus'
import { CHAIN_ZONE, startLocalChain, type LocalChain } from '../../support/local-chain'

let local: LocalChain
beforeAll(async () => {
  local = await startLocalChain({ algorithm: 'ed25519', denial: 'nsec3' })
}, 60_000)
afterAll(async () => {
  await local?.stop()
})

const child = (ds: string) => [{ origin: CHAIN_ZONE, ds: [ds], nameServers: [{ name: `ns1.${CHAIN_ZONE}`, address: '127.0.0.1' }] }]

describe('delegation view through the local chain', () => {
  it('shows root → test. → example.test. secure, with NS, DS and keys per step', async () => {
    const view = delegationViewSchema.parse(await delegationView({ name: `static.${CHAIN_ZONE}`, start: { host: local.chain.root.address, port: local.port }, rootDs: [dsWire(local.chain.anchor.ds)] }))
    expect(view.steps.map((s) => [s.zone, s.status])).toEqual([['.', 'secure'], ['test.', 'secure'], [CHAIN_ZONE, 'secure']])
    expect(view.steps[1]!.nameServers).toEqual([{ name: 'a.nic.test.', addresses: [local.chain.tlds[0]!.address] }])
    expect(view.steps[2]!.ds.every((d) => d.matchesKey && d.algorithm === 15)).toBe(true)
    expect(view.answer?.records).toEqual([`static.${CHAIN_ZONE} 300 A 192.0.2.80`])
  }, 30_000)

  it('without an anchor the root is indeterminate, and a wrong DS makes the zone bogus', async () => {
    const start = { host: local.chain.root.address, port: local.port }
    const noAnchor = await delegationView({ name: CHAIN_ZONE, start, rootDs: [] })
    expect(noAnchor.steps.map((s) => s.status)).toEqual(['indeterminate', 'indeterminate', 'indeterminate'])
    const wrong = local.ds.replace(/[0-9A-F]{64}$/, (hex) => (hex.startsWith('0') ? '1' : '0') + hex.slice(1))
    local.chain.setChildren(child(wrong))
    try {
      const view = await delegationView({ name: CHAIN_ZONE, start, rootDs: [dsWire(local.chain.anchor.ds)] })
      expect(view.steps.map((s) => s.status)).toEqual(['secure', 'secure', 'bogus'])
      expect(view.steps[2]!.reason).toBe('no DNSKEY matches the DS')
    } finally {
      local.chain.setChildren(child(local.ds))
    }
  }, 30_000)

  it('chain:start refuses an unsigned or stopped lab; chain:delegation needs a running chain or a root', async () => {
    const handlers = chainHandlers({ appName: 't', appVersion: '0', host: 'browser', dataDir: local.keyDir, events: new EventBus() }, async () => ({ running: false, port: null }) as never)
    const signal = new AbortController().signal
    await expect(Promise.resolve(handlers['chain:start'](undefined as never, signal))).rejects.toThrow('start the lab server first')
    await expect(Promise.resolve(handlers['chain:delegation']({ name: CHAIN_ZONE }, signal))).rejects.toThrow('start the local trust chain')
    const view = await handlers['chain:delegation']({ name: CHAIN_ZONE, root: { host: local.chain.root.address, port: local.port } }, signal)
    expect(view.steps).toHaveLength(3)
    expect((await handlers['chain:status'](undefined as never, signal)).running).toBe(false)
  }, 30_000)
})
