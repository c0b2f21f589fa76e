/**
 * `npm run trust-chain -- --port PORT --ds "example.test. IN DS …" [--ns ns1.example.test.] [--key-dir DIR]`:
 * the local root and TLD above a signed `npm run alias-server -- --dnssec` on 127.0.0.1:PORT, until Ctrl-C.
 * Prints the root anchor (Unbound trust-anchor line, delv trust-anchors file text) and a +trace command.
 */
import { UsageError } from '@shared/errors'
import { canonicalName } from '../dns'
import { startTrustChain } from '../trust-chain'

const USAGE = `usage: npm run trust-chain -- --port PORT --ds "ZONE IN DS TAG ALG TYPE DIGEST" [--ds …] [--ns NAME] [--key-dir DIR]
  --port PORT   the signed lab server's port on 127.0.0.1; the root (127.53.0.1) and TLD (127.53.0.2) use it too
  --ds LINE     a zone's DS as alias-server --dnssec printed it (repeatable, one zone each)
  --ns NAME     the zone's name server as the TLD delegates it (default ns1.ZONE), glue 127.0.0.1
  --key-dir DIR where the root and TLD keys are kept (default ./dnssec-keys/chain)`

function parse(argv: string[]): { port: number; ds: string[]; ns?: string; keyDir: string } {
  const out: { port?: number; ds: string[]; ns?: string; keyDir: string } = { ds: [], keyDir: 'dnssec-keys/chain' }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = argv[i + 1]
    if (arg === '-h' || arg === '--help') throw new UsageError(USAGE)
    if (value === undefined) throw new UsageError(`${arg} needs a value\n${USAGE}`)
    i++
    if (arg === '--port' && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65535) out.port = Number(value)
    else if (arg === '--ds') out.ds.push(value)
    else if (arg === '--ns') out.ns = value
    else if (arg === '--key-dir') out.keyDir = value
    else throw new UsageError(`bad argument ${arg} ${value}\n${USAGE}`)
  }
  if (!out.port || out.ds.length === 0) throw new UsageError(USAGE)
  return { ...out, port: out.port }
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2))
  const children = args.ds.map((line) => {
    const origin = canonicalName(line.trim().split(/\s+/)[0]!)
    return { origin, ds: [line], nameServers: [{ name: args.ns ?? `ns1.${origin}`, address: '127.0.0.1' }] }
  })
  const chain = await startTrustChain({ children, port: args.port, keyDir: args.keyDir })
  const [, , , flags, protocol, algorithm, key] = chain.anchor.dnskey.split(/\s+/)
  process.stdout.write(
    [
      `root ${chain.root.address}:${chain.port} (${chain.root.nameServer}), ${chain.tlds.map((t) => `${t.zone} ${t.address}:${chain.port}`).join(', ')}`,
      `root anchor (DS):     ${chain.anchor.ds}`,
      `Unbound trust-anchor: "${chain.anchor.dnskey}"`,
      `delv -a file:         trust-anchors { . static-key ${flags} ${protocol} ${algorithm} "${key}"; };`,
      `trace:                npm run query -- +trace --root ${chain.root.address}:${chain.port} ${children[0]!.origin}`,
      'Ctrl-C stops the chain.',
      ''
    ].join('\n')
  )
  process.once('SIGINT', () => void chain.stop().then(() => process.exit(0)))
}

main().catch((error: unknown) => {
  process.stderr.write(`trust-chain: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = error instanceof UsageError ? 1 : 10
})
