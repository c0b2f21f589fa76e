import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { spawnDaemon, type Daemon } from '../../../scripts/peers/daemon'
import { freePort } from '../../../scripts/peers/ports'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { dig } from '../../../scripts/peers/dig'
import { zoneHead } from './support/zones'

/** `npm run alias-server`: the standalone server answers dig. */

const ROOT = resolve(__dirname, '../../..')
const daemons: Daemon[] = []
let temp: TempDir | undefined

async function startCli(args: string[]): Promise<{ daemon: Daemon; port: number }> {
  const port = await freePort()
  const daemon = spawnDaemon(join(ROOT, 'node_modules/.bin/tsx'), ['electron/cli/alias-server.ts', '--port', String(port), ...args], { cwd: ROOT })
  daemons.push(daemon)
  const started = Date.now()
  while (!daemon.output().includes('listening on')) {
    if (daemon.exited() || Date.now() - started > 20_000) throw new Error(`alias-server did not start:\n${daemon.output()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return { daemon, port }
}

afterAll(async () => {
  for (const d of daemons) await d.stop()
  await temp?.cleanup()
})

describe('alias-server command', () => {
  it('serves the demo zone with the simulated target by default and logs each query', async () => {
    const { daemon, port } = await startCli([])
    expect(daemon.output()).toMatch(/zones: example\.test\.; upstream: simulated/)
    expect(await dig(port, 'example.test', 'A', '+short')).toBe('192.0.2.10\n')
    expect(await dig(port, 'www.example.test', 'A', '+short')).toBe('example.test.\n192.0.2.10\n')
    await new Promise((r) => setTimeout(r, 200))
    expect(daemon.output()).toMatch(/udp example\.test\. A NOERROR cache=miss ttl=60 rtt=[\d.]+ms A 192\.0\.2\.10/)
    await daemon.stop()
    expect(daemon.exited()).toBeDefined()
  })

  it('takes zone files, a TTL policy and the upstream on the command line', async () => {
    temp = await tempDir('alias-cli-')
    const zonePath = join(temp.path, 'own.zone')
    await writeFile(zonePath, `${zoneHead('own.test.')}@ 30 IN ALIAS cdn.example.test.\nstatic 300 IN A 192.0.2.77\n`)
    const { port } = await startCli(['--zone', zonePath, '--ttl-policy', 'passthrough', '--upstream', 'simulated', '--quiet'])
    expect(await dig(port, 'static.own.test', 'A', '+short')).toBe('192.0.2.77\n')
    // passthrough: the simulated target's TTL (60), not the ALIAS TTL (30)
    expect(await dig(port, 'own.test', 'A', '+noall', '+answer')).toMatch(/^own\.test\.\s+60\s+IN\s+A\s+192\.0\.2\.10/)
  })

  it('refuses a FIFO and /dev/zero as --zone at once, naming what they are', { timeout: 60_000 }, async () => {
    temp ??= await tempDir('alias-cli-')
    const fifo = join(temp.path, 'pipe.zone')
    execFileSync('mkfifo', [fifo])
    for (const [path, kind] of [
      [fifo, /is a FIFO \(named pipe\); only regular files/],
      ['/dev/zero', /is a character device; only regular files/]
    ] as const) {
      const daemon = spawnDaemon(join(ROOT, 'node_modules/.bin/tsx'), ['electron/cli/alias-server.ts', '--zone', path, '--port', '0'], { cwd: ROOT })
      daemons.push(daemon)
      const started = Date.now()
      while (!daemon.exited() && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 50))
      expect(daemon.exited()?.code, daemon.output()).toBe(1)
      expect(daemon.output()).toMatch(kind)
    }
  })

  it('refuses bad arguments with the usage text', async () => {
    const daemon = spawnDaemon(join(ROOT, 'node_modules/.bin/tsx'), ['electron/cli/alias-server.ts', '--ttl-policy', 'forever'], { cwd: ROOT })
    daemons.push(daemon)
    while (!daemon.exited()) await new Promise((r) => setTimeout(r, 50))
    expect(daemon.exited()?.code).toBe(1)
    expect(daemon.output()).toMatch(/--ttl-policy is one of min, fixed, passthrough/)
    expect(daemon.output()).toMatch(/usage: npm run alias-server/)
  })
})
