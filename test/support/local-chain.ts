import { startAliasServer, type AliasServer } from '../../electron/alias-server'
import { startTrustChain, type TrustChain } from '../../electron/dnssec/trust-chain'
import { parseZone } from '../../electron/zone'
import { tempDir, type TempDir } from './temp-dir'

export const CHAIN_ZONE = 'example.test.'

const ZONE_TEXT = [
  `$ORIGIN ${CHAIN_ZONE}`,
  '$TTL 300',
  '@ 3600 IN SOA ns1 hostmaster 1 3600 600 86400 60',
  '@ 3600 IN NS ns1',
  'ns1 3600 IN A 127.0.0.1',
  '@ 60 IN ALIAS cdn.example.test.',
  'static 300 IN A 192.0.2.80',
  ''
].join('\n')

export interface LocalChain {
  /** The signed lab server for example.test. on 127.0.0.1:port. */
  lab: AliasServer
  chain: TrustChain
  /** The port of every server of the chain. */
  port: number
  /** The DS of example.test. as its server printed it. */
  ds: string
  keyDir: string
  stop(): Promise<void>
}

/** A signed example.test. (ALIAS apex, a static name) with the local root and test. above it. */
export async function startLocalChain(options: { algorithm?: 'ecdsap256sha256' | 'ed25519'; denial?: 'nsec' | 'nsec3' } = {}): Promise<LocalChain> {
  const dir: TempDir = await tempDir('alias-inspector-chain-')
  const { zone, errors } = parseZone(ZONE_TEXT)
  if (!zone) throw new Error(errors.map((e) => e.message).join('\n'))
  const dnssec = { keyDir: dir.path, algorithm: options.algorithm ?? 'ecdsap256sha256', denial: options.denial ?? 'nsec' }
  const lab = await startAliasServer({ zones: [zone], upstream: { mode: 'simulated' }, logQueries: false, dnssec })
  const ds = lab.dnssec()[0]!.ds
  let chain: TrustChain
  try {
    chain = await startTrustChain({
      children: [{ origin: CHAIN_ZONE, ds: [ds], nameServers: [{ name: `ns1.${CHAIN_ZONE}`, address: '127.0.0.1' }] }],
      port: lab.port,
      ...dnssec
    })
  } catch (error) {
    await lab.stop()
    await dir.cleanup()
    throw error
  }
  return {
    lab,
    chain,
    port: lab.port,
    ds,
    keyDir: dir.path,
    async stop() {
      await chain.stop()
      await lab.stop()
      await dir.cleanup()
    }
  }
}

/** Unbound stubs for the chain: the lab zone first (the fixture's start probe asks it). */
export function chainStubs(c: LocalChain): { zone: string; host: string; port: number }[] {
  return [
    { zone: CHAIN_ZONE, host: '127.0.0.1', port: c.port },
    ...c.chain.tlds.map((t) => ({ zone: t.zone, host: t.address, port: c.port })),
    { zone: '.', host: c.chain.root.address, port: c.port }
  ]
}
