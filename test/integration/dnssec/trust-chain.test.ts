import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ask } from '../alias-server/support/ask'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { requireTool } from '../../../scripts/peers/require-tool'
import { CHAIN_ZONE, chainStubs, startLocalChain, type LocalChain } from '../../support/local-chain'
import { stopAll } from '../../support/stop-all'

/**
 * The local trust chain: only the root's key is trusted; example.test. validates through the DS in
 * test. and the DS of test. in the root. Unbound fetches (stubs to each server), delv validates.
 */

const run = promisify(execFile)
let local: LocalChain
let unbound: UnboundServer
let anchors: string

async function delv(name: string, type: string, extra: string[] = []): Promise<string> {
  const bin = requireTool('delv', 'bind9-dnsutils')
  const args = ['@127.0.0.1', '-p', String(unbound.port), '-a', anchors, '+root', ...extra, name, type]
  const { stdout, stderr } = await run(bin, args, { timeout: 20_000 }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }))
  return `${stdout}${stderr}`
}

beforeAll(async () => {
  local = await startLocalChain()
  // a plain (non-validating) Unbound only fetches for delv; the validating one checks AD
  unbound = await startUnbound({ stubs: chainStubs(local), trustAnchors: [local.chain.anchor.dnskey], control: true })
  const [, , , flags, protocol, algorithm, key] = local.chain.anchor.dnskey.split(/\s+/)
  anchors = join(local.keyDir, 'root-anchor.conf')
  await writeFile(anchors, `trust-anchors { . static-key ${flags} ${protocol} ${algorithm} "${key}"; };\n`)
}, 60_000)

afterAll(() => stopAll(unbound, local))

describe('local trust chain (root and test. on loopback)', () => {
  it('prints a root anchor whose DS matches the key', () => {
    expect(local.chain.anchor.dnskey).toMatch(/^\. IN DNSKEY 257 3 13 \S+$/)
    expect(local.chain.anchor.ds).toMatch(new RegExp(`^\\. IN DS ${local.chain.anchor.keyTag} 13 2 [0-9A-F]{64}$`))
  })

  it('delv with only the root key validates the synthesised apex and a static name through the DS chain', async () => {
    for (const [name, type] of [[CHAIN_ZONE, 'A'], [CHAIN_ZONE, 'AAAA'], [`static.${CHAIN_ZONE}`, 'A']] as const) {
      const out = await delv(name, type, ['+rtrace'])
      expect(out, `${name} ${type}`).toContain('; fully validated')
      // the chain, not a direct anchor: delv fetched both DS records on the way
      expect(out, `${name} ${type}`).toMatch(/fetch: example\.test\/DS/)
      expect(out, `${name} ${type}`).toMatch(/fetch: test\/DS/)
    }
    expect(await delv(`nope.${CHAIN_ZONE}`, 'A')).toContain('; negative response, fully validated')
  }, 60_000)

  it('Unbound with the root anchor sets AD', async () => {
    for (const [name, type] of [[CHAIN_ZONE, 'A'], [`static.${CHAIN_ZONE}`, 'A'], [`nope.${CHAIN_ZONE}`, 'A']] as const) {
      const r = await ask(unbound.port, name, type, { rd: true, dnssecOk: true, timeoutMs: 5000 })
      expect(r.header.flags.ad, `${name} ${type} ${r.header.rcode}`).toBe(true)
    }
  }, 30_000)

  it('a wrong DS in test. makes the zone bogus for Unbound and delv', async () => {
    const wrong = local.ds.replace(/[0-9A-F]{64}$/, (hex) => (hex.startsWith('0') ? '1' : '0') + hex.slice(1))
    local.chain.setChildren([{ origin: CHAIN_ZONE, ds: [wrong], nameServers: [{ name: `ns1.${CHAIN_ZONE}`, address: '127.0.0.1' }] }])
    try {
      await unbound.flush(CHAIN_ZONE)
      await run(requireTool('unbound-control', 'unbound'), ['-c', join(unbound.dir, 'unbound.conf'), 'flush_bogus'])
      await run(requireTool('unbound-control', 'unbound'), ['-c', join(unbound.dir, 'unbound.conf'), 'flush_zone', CHAIN_ZONE])
      const r = await ask(unbound.port, `static.${CHAIN_ZONE}`, 'A', { rd: true, dnssecOk: true, timeoutMs: 5000 })
      expect(r.header.rcode).toBe('SERVFAIL')
      const out = await delv(`static.${CHAIN_ZONE}`, 'A')
      expect(out).not.toContain('fully validated')
      expect(out).toMatch(/resolution failed|no valid (DS|DNSKEY)|broken trust chain|insecurity proof failed/)
    } finally {
      local.chain.setChildren([{ origin: CHAIN_ZONE, ds: [local.ds], nameServers: [{ name: `ns1.${CHAIN_ZONE}`, address: '127.0.0.1' }] }])
    }
  }, 60_000)
})
