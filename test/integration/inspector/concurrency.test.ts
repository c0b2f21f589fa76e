import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DnsQueryRequest } from '@shared/dns'
import { inspect, type QueryFn } from '../../../electron/inspector'
import { engineQuery } from '../../../electron/inspector/query-port'
import { startTableServer, type TableServer } from '../../support/inspector/table-server'

const DELAY_MS = 250

// one server plays the resolver and the zone's own (NS) server: every answer comes 250 ms late
const records = [
  { name: 'example.test', type: 'SOA', ttl: 3600, data: 'ns1.example.test h.example.test 1 7200 900 1209600 60' },
  { name: 'example.test', type: 'NS', ttl: 3600, data: 'ns1.example.test' },
  { name: 'ns1.example.test', type: 'A', ttl: 3600, data: '127.0.0.1' },
  { name: 'example.test', type: 'A', ttl: 60, data: '192.0.2.10' },
  { name: 'www.example.test', type: 'CNAME', ttl: 300, data: 'edge.cdn.test' },
  { name: 'edge.cdn.test', type: 'CNAME', ttl: 300, data: 'pop.cdn.test' },
  { name: 'pop.cdn.test', type: 'A', ttl: 60, data: '192.0.2.10' }
] as const

describe('inspect concurrency', () => {
  let server: TableServer
  beforeAll(async () => {
    server = await startTableServer([...records], DELAY_MS)
  })
  afterAll(async () => {
    await server.stop()
  })

  it('takes about the longest dependency chain (3 answers), not the sum of all answers', async () => {
    let queries = 0
    const counting: QueryFn = (request: DnsQueryRequest, options) => {
      queries++
      return engineQuery(request, options)
    }
    const resolver = { transport: 'udp' as const, host: '127.0.0.1', port: server.port }
    const started = performance.now()
    const result = await inspect(
      { apex: 'example.test', target: 'edge.cdn.test', resolvers: [resolver, { ...resolver, label: 'again' }], authoritativePort: server.port },
      { queryFn: counting }
    )
    const wallMs = performance.now() - started
    // NS → NS address → the zone's own server: three answers in a row
    expect(wallMs).toBeGreaterThanOrEqual(3 * DELAY_MS - 20)
    expect(wallMs).toBeLessThan(5 * DELAY_MS)
    expect(queries).toBeGreaterThanOrEqual(20)
    expect(queries * DELAY_MS).toBeGreaterThan(6 * wallMs)
    expect(server.received).toContain('example.test A norec')
    expect(result.authoritative?.ttls.A).toBe(60)
    expect(result.verdict.verdict).toBe('likely')
  })

  it('waits for the suggestion before asking for the target: one answer more, still not the sum', async () => {
    const resolver = { transport: 'udp' as const, host: '127.0.0.1', port: server.port }
    const started = performance.now()
    const result = await inspect({ apex: 'example.test', resolvers: [resolver], skipAuthoritative: true })
    const wallMs = performance.now() - started
    expect(result.targetSource).toBe('suggested')
    expect(result.target).toBe('edge.cdn.test.')
    expect(result.suggestions[0]?.reason).toMatch(/www\.example\.test is a CNAME to edge\.cdn\.test/)
    expect(wallMs).toBeGreaterThanOrEqual(2 * DELAY_MS - 20)
    expect(wallMs).toBeLessThan(3 * DELAY_MS)
  })
})
