/**
 * BENCH_PART=ecs: the per-subnet (ECS) path of our ALIAS server. The apex ALIAS points at a simulated
 * geo CDN (`--upstream simulated --geo FILE`) that answers by client subnet; dnsperf asks the apex A
 * (a) without ECS and (b) with ECS from a handful of client subnets (`-E 8:HEX`, one subnet per run:
 * dnsperf 2.10 has no per-query EDNS options), on a profile that forwards ECS (`powerdns`: /24, /56)
 * and, as the control, on one that does not (`draft`: the shared answer cache, whatever the ECS).
 * PowerDNS is not run beside it: 4.7 does not forward ECS when it resolves an ALIAS (4.9 does).
 */
import { writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import type { ProfileId } from '../../shared/providers'
import { parseIPv4, parseIPv6 } from '../../shared/ip-text'
import { freePort } from '../../scripts/peers/ports'
import { dig } from '../../scripts/peers/dig'
import { runDnsperf, type DnsperfResult } from '../dnsperf'
import { startAliasServerProcess, type AliasServerProcess } from './alias-server-process'

const TARGET = 'cdn.geo.test.'
const DEFAULT_A = '192.0.2.1'
const GEO = {
  targets: {
    [TARGET]: {
      ttl: 30,
      default: { A: [DEFAULT_A], AAAA: ['2001:db8::1'] },
      regions: [
        { name: 'ap', prefix: '203.0.113.0/24', A: ['198.51.100.77'] },
        { name: 'eu', prefix: '10.1.0.0/16', A: ['192.0.2.101'] },
        { name: 'us', prefix: '10.2.0.0/16', A: ['198.51.100.10'] },
        { name: 'ap6', prefix: '2001:db8:a0::/48', AAAA: ['2001:db8:a0::77'] }
      ]
    }
  }
}
const ZONE = ['$ORIGIN bench.test.', '$TTL 300', '@ 3600 SOA ns1 hostmaster 1 3600 600 86400 60', '@ 3600 NS ns1', 'ns1 A 127.0.0.1', `@ 300 ALIAS ${TARGET}`, ''].join('\n')

/** Client subnets and the apex A each gets when the profile forwards ECS. */
const SUBNETS: Array<{ subnet: string; a: string }> = [
  { subnet: '203.0.113.0/24', a: '198.51.100.77' },
  { subnet: '10.1.2.0/24', a: '192.0.2.101' },
  { subnet: '10.2.3.0/24', a: '198.51.100.10' },
  { subnet: '100.64.5.0/24', a: DEFAULT_A },
  { subnet: '2001:db8:a0::/56', a: DEFAULT_A }
]

/** dnsperf's `-E` argument for an ECS option (RFC 7871 §6): family, source length, scope 0, address. */
export function ecsOptionArg(subnet: string): string {
  const [address, bits] = subnet.split('/') as [string, string]
  const v4 = parseIPv4(address)
  const bytes = v4 ?? parseIPv6(address)
  if (!bytes) throw new Error(`not a subnet: ${subnet}`)
  const length = Number(bits)
  const head = Buffer.from([0, v4 ? 1 : 2, length, 0])
  return `8:${Buffer.concat([head, Buffer.from(bytes).subarray(0, Math.ceil(length / 8))]).toString('hex')}`
}

interface Setup {
  profile: ProfileId
  forwards: boolean
  child: AliasServerProcess
}

async function check(setup: Setup): Promise<void> {
  const plain = (await dig(setup.child.port, 'bench.test', 'A', '+short')).trim()
  if (plain !== DEFAULT_A) throw new Error(`${setup.profile}: apex A without ECS is "${plain}", not ${DEFAULT_A}`)
  for (const { subnet, a } of SUBNETS) {
    const want = setup.forwards ? a : DEFAULT_A
    const got = (await dig(setup.child.port, 'bench.test', 'A', '+short', `+subnet=${subnet}`)).trim()
    if (got !== want) throw new Error(`${setup.profile}: apex A for ${subnet} is "${got}", not ${want}`)
  }
}

interface Options {
  dir: string
  seconds: number
  clients: number
  inFlight: number
}

const fmt = (n: number, digits = 0): string => n.toFixed(digits)
const load = (): string => loadavg().map((n) => n.toFixed(2)).join(' ')

export async function benchEcs(o: Options): Promise<void> {
  const zonePath = join(o.dir, 'ecs.zone')
  const geoPath = join(o.dir, 'geo.json')
  const queryFile = join(o.dir, 'ecs-apex.txt')
  await writeFile(zonePath, ZONE)
  await writeFile(geoPath, JSON.stringify(GEO))
  await writeFile(queryFile, 'bench.test A\n')
  const setups: Setup[] = []
  try {
    for (const [profile, forwards] of [['powerdns', true], ['draft', false]] as const) {
      const child = await startAliasServerProcess(zonePath, await freePort(), 9, 30_000, { profile, geoPath })
      setups.push({ profile, forwards, child })
    }
    for (const setup of setups) await check(setup)
    console.log(`ECS bench: apex ALIAS → simulated geo CDN; ${setups.map((s) => `${s.profile} (pid ${s.child.pid}) on ${s.child.port}`).join(', ')}; load average ${load()}`)
    const run = (port: number, ednsOption?: string): Promise<DnsperfResult> =>
      runDnsperf({ port, queryFile, seconds: o.seconds, clients: o.clients, inFlight: o.inFlight, timeoutSeconds: 2, ...(ednsOption ? { ednsOption } : {}) })
    const rows: Array<{ setup: Setup; plain: number; perSubnet: number[]; lost: number; upstream: number }> = []
    for (const setup of setups) {
      // discarded: the first seconds of a fresh process are JIT warm-up, which would count against whichever load runs first
      await runDnsperf({ port: setup.child.port, queryFile, seconds: 3, clients: o.clients, inFlight: o.inFlight, timeoutSeconds: 2 })
      await runDnsperf({ port: setup.child.port, queryFile, seconds: 3, clients: o.clients, inFlight: o.inFlight, timeoutSeconds: 2, ednsOption: ecsOptionArg(SUBNETS[0]!.subnet) })
      const before = await upstreamCount(setup.child)
      const plain = await run(setup.child.port)
      console.log(`  ${setup.profile}, no ECS: ${fmt(plain.qps)} qps (load ${load()})`)
      const perSubnet: number[] = []
      let lost = plain.lost
      for (const { subnet } of SUBNETS) {
        const r = await run(setup.child.port, ecsOptionArg(subnet))
        perSubnet.push(r.qps)
        lost += r.lost
        console.log(`  ${setup.profile}, ECS ${subnet}: ${fmt(r.qps)} qps`)
      }
      rows.push({ setup, plain: plain.qps, perSubnet, lost, upstream: (await upstreamCount(setup.child)) - before })
    }
    report(rows, o)
  } finally {
    for (const setup of setups) await setup.child.stop().catch((error: unknown) => console.error(error))
  }
}

async function upstreamCount(child: AliasServerProcess): Promise<number> {
  return (await child.counters()).perTarget.filter((t) => t.target === TARGET).reduce((sum, t) => sum + t.upstreamQueries, 0)
}

function report(rows: Array<{ setup: Setup; plain: number; perSubnet: number[]; lost: number; upstream: number }>, o: Options): void {
  console.log(`\nResults (${o.seconds} s per run, dnsperf -c ${o.clients} -q ${o.inFlight} -t 2, UDP, loopback; load average now ${load()}):\n`)
  console.log(['profile', 'forwards ECS', 'no ECS qps', ...SUBNETS.map((s) => s.subnet), 'ECS mean', 'ECS / no ECS', 'lost', 'upstream'].join(' | '))
  for (const r of rows) {
    const mean = r.perSubnet.reduce((a, b) => a + b, 0) / r.perSubnet.length
    const cells = [r.setup.profile, r.setup.forwards ? 'yes' : 'no', fmt(r.plain), ...r.perSubnet.map((q) => fmt(q)), fmt(mean), `${fmt(mean / r.plain, 2)}×`, String(r.lost), String(r.upstream)]
    console.log(cells.join(' | '))
  }
  const [fwd, ctl] = rows
  if (fwd && ctl) {
    const mean = (r: typeof fwd): number => r.perSubnet.reduce((a, b) => a + b, 0) / r.perSubnet.length
    console.log(`\nECS queries, forwarding / not forwarding: ${fmt(mean(fwd) / mean(ctl), 2)}×`)
  }
  console.log(`dnsperf command: dnsperf -s 127.0.0.1 -p PORT -d FILE -c ${o.clients} -q ${o.inFlight} -l ${o.seconds} -t 2 [-E ${ecsOptionArg(SUBNETS[0]!.subnet)}]`)
}
