import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ServiceError } from '@shared/errors'
import { createResolverService } from '../../../electron/resolvers/resolver-service'
import { tempDirForEach } from '../../support/suite-temp-dir'

const dir = tempDirForEach('resolver-service-')

const service = (extra: { localServerPort?: () => number | undefined; onWarning?: (m: string) => void } = {}) =>
  createResolverService({ dataDir: dir.path, systemResolvers: async () => [{ transport: 'udp', host: '10.0.0.1', port: 53 }], ...extra })

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ServiceError)
  return error as ServiceError
}

describe('resolver service', () => {
  it('lists presets and saved resolvers, and keeps them in resolvers.json across instances', async () => {
    const first = service()
    const saved = await first.save(' tls://dns.example:8853 ', 'My DoT')
    expect(saved).toMatchObject({
      label: 'My DoT',
      group: 'custom',
      builtIn: false,
      available: true,
      target: { transport: 'dot', host: 'dns.example', port: 8853, tlsServerName: 'dns.example', label: 'My DoT' }
    })
    const plain = await first.save('[::1]:5300')
    expect(plain.label).toBe('[::1]:5300')

    const file = JSON.parse(await readFile(join(dir.path, 'resolvers.json'), 'utf8'))
    expect(file.version).toBe(1)
    expect(file.resolvers.map((r: { input: string }) => r.input)).toEqual(['tls://dns.example:8853', '[::1]:5300'])

    const list = await service().list()
    expect(list.warnings).toEqual([])
    expect(list.resolvers.filter((e) => e.group === 'custom').map((e) => e.id)).toEqual([saved.id, plain.id])
    expect(list.resolvers[0]).toMatchObject({ id: 'system-1', target: { host: '10.0.0.1' } })
    expect(list.resolvers.some((e) => e.id === 'cloudflare-doh')).toBe(true)
  })

  it('removes a saved resolver, refuses built-ins and unknown ids', async () => {
    const s = service()
    const a = await s.save('192.0.2.1')
    expect(await s.remove(a.id)).toEqual({ id: a.id })
    expect((await service().list()).resolvers.some((e) => e.id === a.id)).toBe(false)
    expect(await rejection(s.remove(a.id))).toMatchObject({ code: 'not-found', message: expect.stringContaining(a.id) })
    expect(await rejection(s.remove('cloudflare-doh'))).toMatchObject({ code: 'bad-input', message: expect.stringMatching(/built-in/) })
  })

  it('rejects bad input and duplicates without touching the file', async () => {
    const s = service()
    expect(await rejection(s.save('1.2.3.4:99999'))).toMatchObject({
      code: 'bad-input',
      message: '"1.2.3.4:99999": port 99999 is out of range (1-65535)'
    })
    await s.save('192.0.2.1')
    expect(await rejection(s.save('udp://192.0.2.1:53'))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already saved/) })
    expect((await service().list()).resolvers.filter((e) => e.group === 'custom')).toHaveLength(1)
  })

  it('never loses a resolver when saves run concurrently', async () => {
    const s = service()
    await Promise.all(Array.from({ length: 10 }, (_, i) => s.save(`192.0.2.${i + 1}`)))
    const file = JSON.parse(await readFile(join(dir.path, 'resolvers.json'), 'utf8'))
    expect(file.resolvers).toHaveLength(10)
  })

  it('moves a corrupt file aside, reports it once, and starts empty', async () => {
    await writeFile(join(dir.path, 'resolvers.json'), '{"version":1,"resolvers":[{"id":')
    const warnings: string[] = []
    const s = service({ onWarning: (m) => warnings.push(m) })
    const list = await s.list()
    expect(list.resolvers.filter((e) => e.group === 'custom')).toEqual([])
    expect(list.warnings).toHaveLength(1)
    expect(list.warnings[0]).toMatch(/resolvers\.json could not be used: it is not valid JSON .* moved to resolvers\.json\.corrupt-/)
    await s.list()
    expect(warnings).toHaveLength(1)
    const files = await readdir(dir.path)
    const aside = files.find((f) => f.startsWith('resolvers.json.corrupt-'))
    expect(aside).toBeDefined()
    expect(await readFile(join(dir.path, aside!), 'utf8')).toBe('{"version":1,"resolvers":[{"id":')
    await s.save('192.0.2.1')
    expect((await readdir(dir.path)).sort()).toEqual(['resolvers.json', aside!].sort())
  })

  it('reflects the local ALIAS server port when asked', async () => {
    const local: { port?: number } = {}
    const s = service({ localServerPort: () => local.port })
    expect((await s.list()).resolvers.find((e) => e.id === 'local-udp')).toMatchObject({ available: false })
    local.port = 5353
    expect((await s.list()).resolvers.find((e) => e.id === 'local-udp')).toMatchObject({ available: true, target: { port: 5353 } })
  })
})
