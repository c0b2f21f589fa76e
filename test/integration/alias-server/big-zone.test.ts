import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadZoneOffThread, startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { MAX_ZONE_FILE_BYTES } from '../../../electron/zone'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { ask, datas } from './support/ask'
import { zoneHead, zoneOf } from './support/zones'

/** A 200,000-record zone parses in a worker while the server keeps answering for its other zone. */

const RECORDS = 200_000
let server: AliasServer
let dir: TempDir

const ip = (i: number): string => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`

beforeAll(async () => {
  dir = await tempDir('alias-big-zone-')
  const lines = [zoneHead('big.test.')]
  for (let i = 0; i < RECORDS; i++) lines.push(i % 2 ? `h${i} A ${ip(i)}` : `h${i} TXT "record ${i}"`)
  await writeFile(join(dir.path, 'big.zone'), `${lines.join('\n')}\n`)
  server = await startAliasServer({ zones: [zoneOf(`${zoneHead('small.test.')}www 300 IN A 192.0.2.33\n`)], upstream: { mode: 'simulated' }, logQueries: false })
})
afterAll(async () => {
  await server?.stop()
  await dir?.cleanup()
})

describe('a big zone', () => {
  it('loads in a worker while queries to another zone keep being answered, then serves its own names', { timeout: 180_000 }, async () => {
    let loaded = false
    const loadStarted = performance.now()
    const load = loadZoneOffThread({ path: join(dir.path, 'big.zone'), maxBytes: MAX_ZONE_FILE_BYTES }).finally(() => (loaded = true))
    const latencies: number[] = []
    let failures = 0
    while (!loaded) {
      const started = performance.now()
      try {
        const r = await ask(server.port, 'www.small.test', 'A', { timeoutMs: 3000 })
        if (datas(r)[0] === '192.0.2.33') latencies.push(performance.now() - started)
        else failures++
      } catch {
        failures++
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const reply = await load
    const loadMs = performance.now() - loadStarted
    expect(reply.ok).toBe(true)
    if (!reply.ok) return
    expect(reply.records).toBe(RECORDS + 3)
    // Answered all along: no failure, and no stall anywhere near the time a parse on this thread takes (seconds).
    expect(failures).toBe(0)
    expect(latencies.length).toBeGreaterThan(5)
    // a parse on this thread would stall a query for about the whole load; a busy machine slows both alike
    expect(Math.max(...latencies), `the load took ${Math.round(loadMs)} ms`).toBeLessThan(Math.max(1500, loadMs / 2))

    server.setZones([zoneOf(`${zoneHead('small.test.')}www 300 IN A 192.0.2.33\n`), reply.data])
    expect(datas(await ask(server.port, `h${RECORDS - 1}.big.test`, 'A'))).toEqual([ip(RECORDS - 1)])
    expect(datas(await ask(server.port, 'h2.big.test', 'TXT'))).toEqual(['"record 2"'])
    expect((await ask(server.port, 'nope.big.test', 'A')).header.rcode).toBe('NXDOMAIN')
    expect(datas(await ask(server.port, 'www.small.test', 'A'))).toEqual(['192.0.2.33'])
  })
})
