import { describe, expect, it } from 'vitest'
import { resolverEntrySchema } from '@shared/resolvers'
import { isPresetId, presetResolvers } from '../../../electron/resolvers/presets'

// Shape only: presets point at the public internet and are never queried by tests.
describe('presetResolvers', () => {
  const system = [{ transport: 'udp' as const, host: '192.168.1.1', port: 53 }, { transport: 'udp' as const, host: 'fe80::1%en0', port: 53 }]
  const list = presetResolvers({ system, localServerPort: 5300 })

  it('gives valid, uniquely identified, built-in entries', () => {
    for (const entry of list) expect(resolverEntrySchema.parse(entry)).toEqual(entry)
    expect(new Set(list.map((e) => e.id)).size).toBe(list.length)
    expect(list.every((e) => e.builtIn && e.target.label === e.label)).toBe(true)
    expect(list.every((e) => isPresetId(e.id))).toBe(true)
    expect(isPresetId('custom-1234')).toBe(false)
  })

  it('lists the system resolvers first, in order', () => {
    expect(list.slice(0, 2).map((e) => [e.id, e.group, e.target.host])).toEqual([
      ['system-1', 'system', '192.168.1.1'],
      ['system-2', 'system', 'fe80::1%en0']
    ])
  })

  it('offers Cloudflare, Google and Quad9 over UDP, TCP, DoT and DoH', () => {
    const byId = new Map(list.map((e) => [e.id, e.target]))
    for (const [key, v4, v6, dotName, dohUrl] of [
      ['cloudflare', '1.1.1.1', '2606:4700:4700::1111', 'one.one.one.one', 'https://cloudflare-dns.com/dns-query'],
      ['google', '8.8.8.8', '2001:4860:4860::8888', 'dns.google', 'https://dns.google/dns-query'],
      ['quad9', '9.9.9.9', '2620:fe::fe', 'dns.quad9.net', 'https://dns.quad9.net/dns-query']
    ] as const) {
      for (const transport of ['udp', 'tcp'] as const) {
        expect(byId.get(`${key}-${transport}-ipv4`)).toMatchObject({ transport, host: v4, port: 53 })
        expect(byId.get(`${key}-${transport}-ipv6`)).toMatchObject({ transport, host: v6, port: 53 })
      }
      expect(byId.get(`${key}-dot`)).toMatchObject({ transport: 'dot', port: 853, tlsServerName: dotName })
      expect(byId.get(`${key}-doh`)).toMatchObject({ transport: 'doh', port: 443, url: dohUrl, tlsServerName: new URL(dohUrl).hostname })
    }
    expect(byId.get('cloudflare-udp-ipv4-2')).toMatchObject({ host: '1.0.0.1' })
    expect(list.filter((e) => e.group === 'public').every((e) => e.available)).toBe(true)
  })

  it('lists the local ALIAS server on its port, or as unavailable when it is not running', () => {
    const local = list.filter((e) => e.group === 'local')
    expect(local.map((e) => [e.target.transport, e.target.host, e.target.port, e.available])).toEqual([
      ['udp', '127.0.0.1', 5300, true],
      ['tcp', '127.0.0.1', 5300, true]
    ])
    const stopped = presetResolvers({ system: [], localServerPort: undefined }).filter((e) => e.group === 'local')
    expect(stopped).toHaveLength(2)
    expect(stopped.every((e) => !e.available && /not running/.test(e.note ?? ''))).toBe(true)
  })
})
