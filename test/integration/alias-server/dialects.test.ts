import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ZoneDialect } from '@shared/alias-server'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { readDialectZone } from '../../../electron/alias-server/dialect-zone'
import { spawnDaemon, type Daemon } from '../../../scripts/peers/daemon'
import { freePort } from '../../../scripts/peers/ports'
import { tempDir } from '../../../scripts/peers/temp-dir'
import { dig } from '../../../scripts/peers/dig'

/** Each zone dialect read through the converter's readers and served over real UDP, seen through dig. */

const HEAD = ['$ORIGIN example.test.', '$TTL 300', '@ 3600 IN SOA ns1 hostmaster 1 3600 600 86400 60', '@ 3600 IN NS ns1', 'ns1 A 127.0.0.1']
const TARGET = { a: ['192.0.2.10'], aaaa: ['2001:db8::10'], ttl: 20 }

const ZONES: Record<ZoneDialect, string> = {
  bind: [...HEAD, '@ 60 IN ALIAS cdn.example.test.', 'apex2 60 IN ANAME cdn.example.test.', 'static A 192.0.2.80'].join('\n'),
  'route53-text': [
    ...HEAD,
    '@ 60 A ALIAS cdn.example.test.',
    'both AWS ALIAS A cdn.example.test. Z2FDTNDATAQYW2 false',
    'both AWS ALIAS AAAA cdn.example.test. Z2FDTNDATAQYW2 false',
    'six 60 IN AAAA ALIAS cdn.example.test.',
    'six 60 IN A 198.51.100.6'
  ].join('\n'),
  cloudflare: [...HEAD, '@ 300 IN CNAME cdn.example.test.', '@ 300 IN MX 10 mail', '@ 300 IN TXT "v=spf1 -all"', '@ 300 IN CAA 0 issue "ca.example"', 'mail A 192.0.2.25', 'www 300 IN CNAME example.test.', 'flat 300 IN CNAME cdn.example.test. ; cf_tags=cf-flatten-cname'].join('\n')
}

const servers: AliasServer[] = []
const daemons: Daemon[] = []
afterAll(async () => {
  for (const s of servers) await s.stop()
  for (const d of daemons) await d.stop()
})

async function serve(dialect: ZoneDialect): Promise<number> {
  const read = readDialectZone(ZONES[dialect], dialect, { file: `${dialect}.zone` })
  expect(read.errors).toEqual([])
  const server = await startAliasServer({ zones: [read.zone!], upstream: { mode: 'simulated' }, simulatedTarget: TARGET })
  servers.push(server)
  return server.port
}

const short = async (port: number, name: string, type: string): Promise<string[]> => (await dig(port, name, type, '+short')).trim().split('\n').filter(Boolean)
const status = async (port: number, name: string, type: string): Promise<string> => /status: (\w+)/.exec(await dig(port, name, type))![1]!

describe('zone dialects served over UDP', () => {
  it('bind: ALIAS and ANAME are both flattened; a static name is served as written', async () => {
    const port = await serve('bind')
    expect(await short(port, 'example.test', 'A')).toEqual(['192.0.2.10'])
    expect(await short(port, 'example.test', 'AAAA')).toEqual(['2001:db8::10'])
    expect(await short(port, 'apex2.example.test', 'A')).toEqual(['192.0.2.10'])
    expect(await short(port, 'static.example.test', 'A')).toEqual(['192.0.2.80'])
  })

  it("route53-text: an A ALIAS answers A only (AAAA is NODATA); cli53's AWS ALIAS per family; an AAAA ALIAS leaves the static A", async () => {
    const port = await serve('route53-text')
    expect(await short(port, 'example.test', 'A')).toEqual(['192.0.2.10'])
    expect(await short(port, 'example.test', 'AAAA')).toEqual([])
    const nodata = await dig(port, 'example.test', 'AAAA')
    expect(nodata).toMatch(/status: NOERROR/)
    expect(nodata).toMatch(/AUTHORITY SECTION:\nexample\.test\.\s+\d+\s+IN\s+SOA/)
    expect(await short(port, 'both.example.test', 'A')).toEqual(['192.0.2.10'])
    expect(await short(port, 'both.example.test', 'AAAA')).toEqual(['2001:db8::10'])
    expect(await short(port, 'six.example.test', 'AAAA')).toEqual(['2001:db8::10'])
    expect(await short(port, 'six.example.test', 'A')).toEqual(['198.51.100.6'])
  })

  it('cloudflare: the apex CNAME is flattened beside MX, TXT and CAA; a plain CNAME stays a CNAME; a tagged one is flattened', async () => {
    const port = await serve('cloudflare')
    expect(await short(port, 'example.test', 'A')).toEqual(['192.0.2.10'])
    expect(await short(port, 'example.test', 'AAAA')).toEqual(['2001:db8::10'])
    expect(await short(port, 'example.test', 'CNAME')).toEqual([])
    expect(await short(port, 'example.test', 'MX')).toEqual(['10 mail.example.test.'])
    expect(await short(port, 'example.test', 'TXT')).toEqual(['"v=spf1 -all"'])
    expect(await short(port, 'example.test', 'CAA')).toEqual(['0 issue "ca.example"'])
    expect(await short(port, 'www.example.test', 'A')).toEqual(['example.test.', '192.0.2.10'])
    expect(await short(port, 'flat.example.test', 'A')).toEqual(['192.0.2.10'])
    expect(await status(port, 'nothing.example.test', 'A')).toBe('NXDOMAIN')
  })
})

describe('npm run alias-server -- --dialect', () => {
  const ROOT = resolve(__dirname, '../../..')
  async function startCli(args: string[]): Promise<{ daemon: Daemon; port: number }> {
    const port = await freePort()
    const daemon = spawnDaemon(join(ROOT, 'node_modules/.bin/tsx'), ['electron/cli/alias-server.ts', '--port', String(port), '--quiet', ...args], { cwd: ROOT })
    daemons.push(daemon)
    const started = Date.now()
    while (!daemon.output().includes('listening on') && !daemon.exited()) {
      if (Date.now() - started > 20_000) throw new Error(`alias-server did not start:\n${daemon.output()}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    return { daemon, port }
  }

  it('serves a route53-text file as Route 53 would, and refuses it as bind naming the dialect that reads it', async () => {
    const temp = await tempDir()
    try {
      const file = join(temp.path, 'r53.zone')
      await writeFile(file, ZONES['route53-text'])
      const { daemon, port } = await startCli(['--zone', file, '--dialect', 'route53-text'])
      expect(daemon.output()).toContain('dialect: route53-text')
      expect(await short(port, 'example.test', 'A')).toEqual(['192.0.2.10'])
      expect(await short(port, 'example.test', 'AAAA')).toEqual([])
      const refused = await startCli(['--zone', file])
      await waitFor(() => refused.daemon.exited() !== undefined)
      expect(refused.daemon.output()).toMatch(/r53\.zone \(read as bind\):\n\s+line 6, column 14: .*the route53-text format reads "A ALIAS"/)
      const cfFile = join(temp.path, 'cf.zone')
      await writeFile(cfFile, ZONES.cloudflare)
      const flat = await startCli(['--zone', cfFile, '--dialect', 'cloudflare', '--flatten-all-cnames'])
      // "flatten all CNAMEs": www, a plain CNAME to the apex, is answered with addresses, no CNAME
      expect(await short(flat.port, 'www.example.test', 'A')).toEqual(['192.0.2.10'])
      const plain = await startCli(['--zone', cfFile, '--dialect', 'cloudflare'])
      expect(await short(plain.port, 'www.example.test', 'A')).toEqual(['example.test.', '192.0.2.10'])
      const misuse = await startCli(['--zone', file, '--flatten-all-cnames'])
      await waitFor(() => misuse.daemon.exited() !== undefined)
      expect(misuse.daemon.output()).toContain('--flatten-all-cnames needs --dialect cloudflare')
      const bad = await startCli(['--zone', file, '--dialect', 'yaml'])
      await waitFor(() => bad.daemon.exited() !== undefined)
      expect(bad.daemon.output()).toContain('--dialect is one of bind, route53-text, cloudflare, not "yaml"')
    } finally {
      await temp.cleanup()
    }
  })
})

async function waitFor(done: () => boolean): Promise<void> {
  const started = Date.now()
  while (!done()) {
    if (Date.now() - started > 20_000) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}
