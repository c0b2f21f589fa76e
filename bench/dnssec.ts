/**
 * Signing benchmark: time to sign a zone of N A records (one RRset per name, plus an NSEC chain)
 * with our signer (node:crypto, one thread) against ldns-signzone and dnssec-signzone on the same
 * zone with the same algorithm (ECDSA P-256), printing the ratios.
 *
 *   npm run bench:dnssec              (BENCH_RECORDS=N, default 10,000)
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { nameToWire } from '../electron/dns/names'
import { generatePrivateKey } from '../electron/dnssec/algorithms'
import { compareNames } from '../electron/dnssec/canonical'
import { nsecRdata } from '../electron/dnssec/denial'
import { zoneKeyFrom } from '../electron/dnssec/keys'
import { signRRset } from '../electron/dnssec/rrsig'
import { tempDir } from '../scripts/peers/temp-dir'
import { dnssecSignzone, ldnsSignzone, type PeerTiming } from './dnssec-support/peer-signers'
import { runUnderNodeTsconfig } from './node-tsconfig'

const RECORDS = Math.max(10, Number(process.env.BENCH_RECORDS ?? 10_000))
const ORIGIN = 'sign.bench.'
const TYPE_A = 1
const TYPE_NS = 2
const TYPE_SOA = 6
const TYPE_NSEC = 47
const TYPE_RRSIG = 46

interface RRset {
  owner: string
  type: number
  rdata: Buffer[]
}

function zone(n: number): { text: string; sets: RRset[] } {
  const ip = (i: number): Buffer => Buffer.from([10, (i >> 16) & 255, (i >> 8) & 255, i & 255])
  const soa = Buffer.concat([nameToWire(`ns1.${ORIGIN}`), nameToWire(`hostmaster.${ORIGIN}`), Buffer.from([0, 0, 0, 1, 0, 0, 14, 16, 0, 0, 2, 88, 0, 1, 81, 128, 0, 0, 0, 60])])
  const sets: RRset[] = [
    { owner: ORIGIN, type: TYPE_SOA, rdata: [soa] },
    { owner: ORIGIN, type: TYPE_NS, rdata: [nameToWire(`ns1.${ORIGIN}`)] },
    { owner: `ns1.${ORIGIN}`, type: TYPE_A, rdata: [ip(1)] }
  ]
  const lines = [`$ORIGIN ${ORIGIN}`, '$TTL 300', `@ 3600 IN SOA ns1 hostmaster 1 3600 600 86400 60`, '@ 3600 IN NS ns1', 'ns1 IN A 10.0.0.1']
  for (let i = 0; i < n; i++) {
    sets.push({ owner: `a${i}.${ORIGIN}`, type: TYPE_A, rdata: [ip(i + 2)] })
    lines.push(`a${i} IN A ${[10, ((i + 2) >> 16) & 255, ((i + 2) >> 8) & 255, (i + 2) & 255].join('.')}`)
  }
  return { text: `${lines.join('\n')}\n`, sets }
}

/** Our signer over the whole zone: the NSEC chain in canonical order, then one RRSIG per RRset. */
function signOurs(sets: RRset[]): { ms: number; signatures: number } {
  const key = zoneKeyFrom(ORIGIN, 'ecdsap256sha256', generatePrivateKey('ecdsap256sha256'))
  const started = performance.now()
  const nowS = Math.floor(Date.now() / 1000)
  const byOwner = new Map<string, Set<number>>()
  for (const s of sets) byOwner.set(s.owner, (byOwner.get(s.owner) ?? new Set()).add(s.type))
  const owners = [...byOwner.keys()].map((o) => ({ o, wire: nameToWire(o) })).sort((a, b) => compareNames(a.wire, b.wire))
  const all = [...sets]
  owners.forEach(({ o }, i) => all.push({ owner: o, type: TYPE_NSEC, rdata: [nsecRdata(owners[(i + 1) % owners.length]!.wire, [...byOwner.get(o)!, TYPE_RRSIG, TYPE_NSEC])] }))
  let signatures = 0
  for (const s of all) {
    signRRset(key, { owner: s.owner, type: s.type, originalTtl: 300, rdata: s.rdata, inception: nowS - 3600, expiration: nowS + 7 * 86_400 })
    signatures++
  }
  return { ms: performance.now() - started, signatures }
}

async function main(): Promise<void> {
  const dir = await tempDir('alias-inspector-bench-dnssec-')
  try {
    const { text, sets } = zone(RECORDS)
    const zoneFile = join(dir.path, 'sign.bench.zone')
    writeFileSync(zoneFile, text)
    signOurs(sets.slice(0, 200)) // warm-up (JIT, OpenSSL)
    const ours = signOurs(sets)
    const peers: PeerTiming[] = [ldnsSignzone(dir.path, zoneFile, ORIGIN), ...dnssecSignzone(dir.path, zoneFile, ORIGIN)]
    console.log(`signing ${RECORDS} A records (+ SOA, NS, glue, NSEC chain), ECDSA P-256, ${ours.signatures} RRSIGs`)
    console.log(`  ours (node:crypto, 1 thread)   ${ours.ms.toFixed(0).padStart(7)} ms  ${((ours.signatures / ours.ms) * 1000).toFixed(0).padStart(7)} sig/s`)
    for (const p of peers) {
      if (p.ms === null) console.log(`  ${p.tool.padEnd(30)} not measured: ${p.note}`)
      else console.log(`  ${p.tool.padEnd(30)} ${p.ms.toFixed(0).padStart(7)} ms  ours/theirs time ratio ${(ours.ms / p.ms).toFixed(2)} (below 1: ours faster)`)
    }
    console.log('  knotc zone-sign: not measured (needs a running knotd with a KASP key store; its time includes the daemon)')
  } finally {
    await dir.cleanup()
  }
}

runUnderNodeTsconfig(main)
