import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { profileIds } from '@shared/providers'
import { spawnDaemon, type Daemon } from '../../../scripts/peers/daemon'
import { freePort } from '../../../scripts/peers/ports'
import { dig } from '../../../scripts/peers/dig'

/** `npm run alias-server -- --profile NAME` and `--list-profiles`. */

const ROOT = resolve(__dirname, '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const run = promisify(execFile)
const daemons: Daemon[] = []

afterAll(async () => {
  for (const d of daemons) await d.stop()
})

describe('alias-server profiles on the command line', () => {
  it('--list-profiles prints every profile with a summary, its sources, and the assumptions marked', async () => {
    const { stdout } = await run(TSX, ['electron/cli/alias-server.ts', '--list-profiles'], { cwd: ROOT, timeout: 30_000 })
    for (const id of profileIds) expect(stdout).toMatch(new RegExp(`^${id}\\s+\\S`, 'm'))
    expect(stdout).toContain('https://support.dnsimple.com/articles/alias-record/')
    expect(stdout).toContain('(ASSUMPTION)')
  })

  it('refuses an unknown profile and a malformed TTL rule, naming what is allowed', async () => {
    for (const args of [['--profile', 'godaddy'], ['--ttl-policy', 'constant:']]) {
      const failed = await run(TSX, ['electron/cli/alias-server.ts', ...args], { cwd: ROOT, timeout: 30_000 }).then(
        () => null,
        (e: { code: number; stderr: string }) => e
      )
      expect(failed?.code).toBe(1)
      expect(failed?.stderr).toMatch(args[0] === '--profile' ? /--profile is one of draft, powerdns/ : /constant:N/)
    }
  })

  it('--profile sets the rules and --ttl-policy overrides one; the log says which rule answered', async () => {
    const port = await freePort()
    const daemon = spawnDaemon(TSX, ['electron/cli/alias-server.ts', '--port', String(port), '--profile', 'powerdns', '--ttl-policy', 'record'], { cwd: ROOT })
    daemons.push(daemon)
    const started = Date.now()
    while (!daemon.output().includes('listening on')) {
      if (daemon.exited() || Date.now() - started > 20_000) throw new Error(`alias-server did not start:\n${daemon.output()}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(daemon.output()).toContain('profile: powerdns')
    // the demo apex: ALIAS TTL 60, target TTL 60; 'record' serves the ALIAS record's 60
    expect(await dig(port, 'example.test', 'A', '+noall', '+answer')).toMatch(/^example\.test\.\s+60\s+IN\s+A\s+192\.0\.2\.10$/m)
    // PowerDNS answers a query for the ALIAS type empty
    expect(await dig(port, 'example.test', 'TYPE65401', '+short')).toBe('')
    await new Promise((r) => setTimeout(r, 200))
    expect(daemon.output()).toContain(`rule="TTL: the ALIAS record's own TTL (record) (override of the PowerDNS Authoritative profile)"`)
  })
})
