import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { spawnDaemon, type Daemon } from '../../../scripts/peers/daemon'
import { freePort } from '../../../scripts/peers/ports'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { dig } from '../../../scripts/peers/dig'

/** `npm run alias-server -- --geo FILE`: the README example served, and bad files refused with their place. */

const ROOT = resolve(__dirname, '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const README_EXAMPLE = `{"targets": {"cdn.example.test.": {"ttl": 30,
  "default": {"A": ["192.0.2.1"], "AAAA": ["2001:db8::1"]},
  "regions": [{"name": "ap", "prefix": "203.0.113.0/24", "A": ["198.51.100.77"]}]}}}`
let daemon: Daemon | undefined
let temp: TempDir | undefined

afterAll(async () => {
  await daemon?.stop()
  await temp?.cleanup()
})

describe('alias-server --geo', () => {
  it('serves the README example: the demo apex gets the default node, the target the node of the ECS subnet, logged with it', async () => {
    temp = await tempDir()
    const file = join(temp.path, 'geo.json')
    await writeFile(file, README_EXAMPLE)
    const port = await freePort()
    daemon = spawnDaemon(TSX, ['electron/cli/alias-server.ts', '--port', String(port), '--geo', file], { cwd: ROOT })
    const started = Date.now()
    while (!daemon.output().includes('listening on')) {
      if (daemon.exited() || Date.now() - started > 20_000) throw new Error(`alias-server did not start:\n${daemon.output()}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(daemon.output()).toContain('geo targets: cdn.example.test.')
    expect(await dig(port, 'cdn.example.test', 'A', '+short', '+subnet=203.0.113.7/24')).toBe('198.51.100.77\n')
    expect(await dig(port, 'example.test', 'A', '+short', '+subnet=203.0.113.7/24')).toBe('192.0.2.1\n')
    const deadline = Date.now() + 5000
    while (!daemon.output().includes('subnet=203.0.113.0/24(ap)') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    expect(daemon.output()).toContain('subnet=203.0.113.0/24(ap)')
  })

  it('refuses a bad file naming each mistake by its path, and --geo without the simulated upstream', async () => {
    temp ??= await tempDir()
    const file = join(temp.path, 'bad.json')
    await writeFile(file, '{"targets":{"cdn.test.":{"default":{"A":["192.0.2.300"]},"regions":[{"name":"x","prefix":"10.0.0.0/40"}]}}}')
    const bad = spawnSync(TSX, ['electron/cli/alias-server.ts', '--port', '0', '--geo', file], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 })
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('bad.json: not a geo file:')
    expect(bad.stderr).toContain('targets.cdn.test..default.A.0: is not an IPv4 address')
    expect(bad.stderr).toContain('targets.cdn.test..regions.0.prefix: is not a prefix')
    const usage = spawnSync(TSX, ['electron/cli/alias-server.ts', '--upstream', '127.0.0.1', '--geo', file], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 })
    expect(usage.status).toBe(1)
    expect(usage.stderr).toContain('--geo needs --upstream simulated')
  })
})
