import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DnsQueryManyResult, DnsQueryResult } from '@shared/dns'
import type { ResolverEntry, ResolverList } from '@shared/resolvers'
import type { Services } from '../../../electron/services'
import { INSPECT_ORIGIN, zoneText } from '../../fixtures/zones'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { freePort } from '../../../scripts/peers/ports'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { browserServices, value } from '../../support/services'

let knot: KnotServer
let data: TempDir

const services = (): Services => browserServices(data.path)

beforeAll(async () => {
  knot = await startKnot({ zones: { [INSPECT_ORIGIN]: zoneText('inspect.test') } })
  data = await tempDir('dns-channels-')
})
afterAll(async () => {
  await knot?.stop()
  await data?.cleanup()
})

describe('dns:query and dns:queryMany through the dispatcher', () => {
  it('answers a good request', async () => {
    const resolver = { transport: 'udp', host: '127.0.0.1', port: knot.port }
    const result = await services().dispatch('dns:query', { name: 'www.inspect.test', type: 'AAAA', resolver, options: { nsid: true } })
    const answer = value<DnsQueryResult>(result)
    expect(answer.header).toMatchObject({ rcode: 'NOERROR', flags: { qr: true, aa: true } })
    expect(answer.answer.map((rr) => rr.data)).toEqual(['2001:db8::80'])
    expect(answer.server).toMatchObject({ host: '127.0.0.1', port: knot.port })
  })

  it('rejects an out-of-range port before the engine runs, naming the field', async () => {
    const result = await services().dispatch('dns:query', {
      name: 'inspect.test',
      type: 'A',
      resolver: { transport: 'udp', host: '127.0.0.1', port: 70000 }
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(!result.ok && result.error.message).toMatch(/resolver\.port: .*65535/)
  })

  it('rejects a name with a 64-octet label, naming the label', async () => {
    const result = await services().dispatch('dns:query', {
      name: `${'x'.repeat(64)}.inspect.test`,
      type: 'A',
      resolver: { transport: 'udp', host: '127.0.0.1', port: knot.port }
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(!result.ok && result.error.message).toMatch(/label 1 .* is 64 octets; at most 63/)
  })

  it('passes the handler signal to the engine', async () => {
    const abort = new AbortController()
    abort.abort()
    const result = await services().dispatch(
      'dns:query',
      { name: 'inspect.test', type: 'A', resolver: { transport: 'udp', host: '127.0.0.1', port: knot.port } },
      abort.signal
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } })
  })

  it('queries several resolvers at once, each with its own outcome', async () => {
    const closed = await freePort()
    const result = await services().dispatch('dns:queryMany', {
      name: 'inspect.test',
      type: 'MX',
      resolvers: [
        { transport: 'udp', host: '127.0.0.1', port: knot.port },
        { transport: 'tcp', host: '127.0.0.1', port: knot.port },
        { transport: 'tcp', host: '127.0.0.1', port: closed }
      ],
      options: { timeoutMs: 2000, deadlineMs: 4000 }
    })
    const items = value<DnsQueryManyResult>(result)
    expect(items.map((i) => i.ok)).toEqual([true, true, false])
    for (const item of items.slice(0, 2)) {
      expect(item.ok && item.result.answer.map((rr) => rr.data).sort()).toEqual(['10 mail.inspect.test.', '20 mail2.inspect.test.'])
    }
    expect(items[2]).toMatchObject({ ok: false, error: { code: 'refused' } })
  })
})

describe('resolvers:save, list and remove', () => {
  it('round-trips and survives a new createServices', async () => {
    const first = services()
    const saved = value<ResolverEntry>(await first.dispatch('resolvers:save', { input: `tcp://127.0.0.1:${knot.port}`, label: 'Knot' }))
    expect(saved).toMatchObject({ label: 'Knot', group: 'custom', target: { transport: 'tcp', host: '127.0.0.1', port: knot.port } })

    // The saved target is directly usable for a query.
    const answer = value<DnsQueryResult>(await first.dispatch('dns:query', { name: 'inspect.test', type: 'A', resolver: saved.target }))
    expect(answer.transport).toBe('tcp')

    const second = services()
    const list = value<ResolverList>(await second.dispatch('resolvers:list', undefined))
    expect(list.resolvers.filter((e) => e.group === 'custom')).toEqual([saved])
    expect(list.resolvers.some((e) => e.group === 'public' && e.builtIn)).toBe(true)
    expect(list.resolvers.find((e) => e.id === 'local-udp')).toMatchObject({ available: false })
    const file = JSON.parse(await readFile(join(data.path, 'resolvers.json'), 'utf8'))
    expect(file).toMatchObject({ version: 1, resolvers: [{ id: saved.id, input: `tcp://127.0.0.1:${knot.port}` }] })

    expect(value(await second.dispatch('resolvers:remove', { id: saved.id }))).toEqual({ id: saved.id })
    const third = value<ResolverList>(await services().dispatch('resolvers:list', {}))
    expect(third.resolvers.filter((e) => e.group === 'custom')).toEqual([])
  })

  it('reports bad resolvers, unknown ids and bad payloads', async () => {
    const s = services()
    expect(await s.dispatch('resolvers:save', { input: '1.2.3.4:99999' })).toEqual({
      ok: false,
      error: { code: 'bad-input', message: '"1.2.3.4:99999": port 99999 is out of range (1-65535)' }
    })
    expect(await s.dispatch('resolvers:remove', { id: 'custom-nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await s.dispatch('resolvers:save', { input: '192.0.2.1', admin: true })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await s.dispatch('resolvers:remove', {})).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/id/) } })
  })
})
