import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectResultSchema } from '@shared/inspector'
import { inspect } from '../../../electron/inspector'
import { followAliasMode } from '../../../electron/inspector/aliasmode-chain'
import { askVia, engineQuery } from '../../../electron/inspector/query-port'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'

/** HTTPS AliasMode chains served by Knot, decoded and followed by our query engine. */

const ZONE = `$ORIGIN am.test.
$TTL 300
@       3600 IN SOA  ns1.am.test. hostmaster.am.test. 1 7200 900 1209600 300
@       3600 IN NS   ns1.am.test.
ns1     3600 IN A    127.0.0.1
@         60 IN HTTPS 0 cdn.am.test.
@        300 IN MX   10 mail.am.test.
cdn       30 IN HTTPS 0 edge.am.test.
edge      20 IN HTTPS 1 . alpn=h2,h3
edge      20 IN A    192.0.2.50
edge      20 IN AAAA 2001:db8::50
pool      20 IN HTTPS 1 node.am.test. alpn=h2
node      20 IN A    192.0.2.70
plain     60 IN HTTPS 0 nohttps.am.test.
nohttps   60 IN A    192.0.2.60
gone      60 IN HTTPS 0 .
loop1     60 IN HTTPS 0 loop2.am.test.
loop2     60 IN HTTPS 0 loop1.am.test.
`

let knot: KnotServer
const ask = () => askVia(engineQuery, { transport: 'udp', host: '127.0.0.1', port: knot.port }, { rd: false, timeoutMs: 2000, retries: 1 })

beforeAll(async () => {
  knot = await startKnot({ zones: { 'am.test.': ZONE } })
})
afterAll(async () => {
  await knot?.stop()
})

describe('HTTPS AliasMode against Knot', () => {
  it('follows apex → cdn → edge to ServiceMode, with each hop and TTL, and the addresses of the end', async () => {
    const c = await followAliasMode(ask(), 'am.test')
    expect(c.chain).toEqual([
      { name: 'am.test.', target: 'cdn.am.test.', ttl: 60 },
      { name: 'cdn.am.test.', target: 'edge.am.test.', ttl: 30 }
    ])
    expect(c.end).toBe('service')
    expect(c.final).toBe('edge.am.test.')
    expect(c.service[0]).toMatch(/^1 \. alpn="?h2,h3"?$/)
    expect(c.a).toEqual(['192.0.2.50'])
    expect(c.aaaa).toEqual(['2001:db8::50'])
  })

  it('connects to ServiceMode TargetName when it is not "."', async () => {
    const c = await followAliasMode(ask(), 'pool.am.test.')
    expect(c).toMatchObject({ end: 'service', final: 'node.am.test.', a: ['192.0.2.70'], chain: [] })
  })

  it('ends at a name without HTTPS records and uses its A/AAAA', async () => {
    const c = await followAliasMode(ask(), 'plain.am.test.')
    expect(c).toMatchObject({ end: 'no-https', final: 'nohttps.am.test.', a: ['192.0.2.60'], aaaa: [] })
  })

  it('stops at TargetName "." (service unavailable) and at a loop, without addresses', async () => {
    expect(await followAliasMode(ask(), 'gone.am.test.')).toMatchObject({ end: 'unavailable', a: [] })
    const loop = await followAliasMode(ask(), 'loop1.am.test.')
    expect(loop.end).toBe('loop')
    expect(loop.problem).toBe('AliasMode loop: loop1.am.test. → loop2.am.test. → loop1.am.test.')
  })

  it('the inspector reports the AliasMode chain of the apex in its result', async () => {
    const result = await inspect({ apex: 'am.test', resolvers: [{ transport: 'udp', host: '127.0.0.1', port: knot.port }], skipAuthoritative: true, timeoutMs: 2000 })
    expect(inspectResultSchema.safeParse(result).success).toBe(true)
    expect(result.httpsAlias).toMatchObject({ end: 'service', final: 'edge.am.test.', a: ['192.0.2.50'] })
    expect(result.httpsAlias!.chain.map((h) => h.target)).toEqual(['cdn.am.test.', 'edge.am.test.'])
    expect(result.target).toBe('cdn.am.test.')
  })
})
