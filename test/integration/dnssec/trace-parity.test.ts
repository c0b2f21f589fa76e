import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireTool } from '../../support/require-tool'
import { CHAIN_ZONE, startLocalChain, type LocalChain } from '../../support/local-chain'

/**
 * `npm run query -- +trace` against real `dig +trace`, both started at the local root. dig looks up
 * each name server's address through the system resolver (not the glue), so dig runs in its own
 * mount namespace with an /etc/hosts that names the chain's servers; ours uses the glue.
 * Compared: the steps, the records (owner and type) of each, and the server each came from.
 */

const run = promisify(execFile)
let local: LocalChain
let hosts: string

/** Each step as `owner TYPE, …  <- host#port(server name)`; RRSIG shown with the type it covers. */
function structure(text: string): string[] {
  const steps: string[] = []
  let records: string[] = []
  for (const line of text.split('\n')) {
    const received = /^;; Received \d+ bytes from (\S+) in \d+ ms$/.exec(line)
    if (received) {
      steps.push(`${records.join(', ')}  <- ${received[1]}`)
      records = []
    } else if (line && !line.startsWith(';')) {
      const [owner, , , type, covered] = line.split(/\s+/)
      records.push(`${owner} ${type === 'RRSIG' ? `RRSIG(${covered})` : type}`)
    }
  }
  return steps
}

async function dig(port: number, args: string[]): Promise<string> {
  const unshare = requireTool('unshare', 'util-linux')
  const digBin = requireTool('dig', 'bind9-dnsutils')
  const script = `mount --bind "${hosts}" /etc/hosts && exec "${digBin}" +trace @${local.chain.root.address} -p ${port} ${args.join(' ')}`
  const { stdout } = await run(unshare, ['-m', 'sh', '-c', script], { timeout: 30_000 }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`dig +trace in a mount namespace failed (needs root and unshare -m): ${error.stderr || error.message}`)
  })
  return stdout
}

async function ours(port: number, args: string[]): Promise<string> {
  const { stdout } = await run('npx', ['tsx', '--tsconfig', 'tsconfig.node.json', 'electron/cli/query.ts', '+trace', '--root', `${local.chain.root.address}:${port}`, ...args], { timeout: 60_000 })
  return stdout
}

beforeAll(async () => {
  local = await startLocalChain()
  hosts = join(local.keyDir, 'hosts')
  const lines = [`${local.chain.root.address} ${local.chain.root.nameServer.replace(/\.$/, '')}`, ...local.chain.tlds.map((t) => `${t.address} ${t.nameServer.replace(/\.$/, '')}`), `127.0.0.1 ns1.${CHAIN_ZONE.replace(/\.$/, '')} localhost`]
  await writeFile(hosts, `${lines.join('\n')}\n`)
}, 60_000)

afterAll(async () => {
  await local?.stop()
})

describe('+trace against dig +trace at the local root', () => {
  for (const args of [[CHAIN_ZONE, 'A'], ['+dnssec', `static.${CHAIN_ZONE}`, 'A'], ['+dnssec', `nope.${CHAIN_ZONE}`, 'A']]) {
    it(`walks the same delegations from the same servers: ${args.join(' ')}`, async () => {
      const [theirs, mine] = await Promise.all([dig(local.port, args), ours(local.port, args)])
      const want = structure(theirs)
      expect(want.length, theirs).toBe(4)
      expect(structure(mine), `dig:\n${theirs}\nours:\n${mine}`).toEqual(want)
    }, 90_000)
  }
})
