import { createServer, type Server } from 'node:net'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConvertError, readZone } from '../../../electron/convert'
import { runInSandbox } from '../../../electron/convert/dnscontrol-sandbox'
import { tempDir } from '../../../scripts/peers/temp-dir'

const read = (source: string) =>
  readZone(source, 'dnscontrol', { file: 'dnsconfig.js', sandboxLimits: { cpuMs: 500, wallMs: 20_000, heapMb: 64 } }).then(
    () => null,
    (e: unknown) => e as ConvertError
  )

describe('the dnsconfig.js sandbox', () => {
  let server: Server
  let port = 0
  let connections = 0
  let secret: string
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    server = createServer((s) => {
      connections++
      s.destroy()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as { port: number }).port
    const dir = await tempDir('convert-sandbox-')
    cleanup = dir.cleanup
    secret = join(dir.path, 'secret.txt')
    await writeFile(secret, 'do not read me')
  })
  afterAll(async () => {
    server.close()
    await cleanup()
  })

  it('has no require, so no file system', async () => {
    const e = await read(`var fs = require('fs');\nD("example.test", TXT("@", fs.readFileSync(${JSON.stringify(secret)}, 'utf8')));`)
    expect(e?.reason).toMatch(/require is not defined/)
    expect([e?.line, e?.column]).toEqual([1, 10])
  })

  it('defeats the classic escape to the host realm (no code generation from strings)', async () => {
    // reach the child's own realm through a host object, the classic vm escape, without code generation from strings
    const reply = await runInSandbox(`var p = (function(){ try { return this.constructor.constructor('return process')() } catch (e) { return String(e) } })(); D(String(p), TXT("@", "x"));`)
    expect(JSON.stringify(reply)).toMatch(/Code generation from strings disallowed/)
  })

  it('has no network API', async () => {
    const e = await read(`fetch("http://127.0.0.1:${port}/");`)
    expect(e?.reason).toMatch(/fetch is not defined/)
    const e2 = await read(`new WebSocket("ws://127.0.0.1:${port}/");`)
    expect(e2?.reason).toMatch(/WebSocket is not defined/)
    expect(connections).toBe(0)
  })

  it('stops an endless loop at the time cap', async () => {
    const started = Date.now()
    const e = await read('while (true) {}')
    expect(e?.reason).toMatch(/ran longer than 500 ms/)
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('stops a script that eats memory at the heap cap', async () => {
    const reply = await runInSandbox('var a = []; for (;;) a.push(new Array(1e6).fill(1.5));', { cpuMs: 60_000, wallMs: 60_000, heapMb: 32 })
    expect(reply.ok).toBe(false)
    expect(JSON.stringify(reply)).toMatch(/more than 32 MB|ran longer/)
  }, 90_000)

  it('reads the documented subset, with the Cloudflare flattening option', async () => {
    const { zone } = await readZone(
      'var REG = NewRegistrar("none");\nD("example.test", REG, DnsProvider(NewDnsProvider("cf")),\n  CNAME("@", "cdn.example.net.", CF_CNAME_FLATTEN_ON),\n  CNAME("www", "cdn.example.net."),\n  CAA("@", "issue", "letsencrypt.org", CAA_CRITICAL),\n  SRV("_sip._tcp", 10, 60, 5060, "sip"),\n  TXT("t", ["a;b", "c\\"d"]),\nEND);',
      'dnscontrol',
      { file: 'dnsconfig.js' }
    )
    const brief = zone.records.filter((r) => !r.synthetic).map((r) => `${r.name} ${r.type} ${r.rdata.join(' ')} @${r.line}:${r.column}`)
    expect(brief).toEqual([
      'example.test. ALIAS cdn.example.net. @3:3',
      'www.example.test. CNAME cdn.example.net. @4:3',
      'example.test. CAA 128 issue "letsencrypt.org" @5:3',
      '_sip._tcp.example.test. SRV 10 60 5060 sip.example.test. @6:3',
      't.example.test. TXT "a;b" "c\\"d" @7:3'
    ])
  })
})
