/**
 * Zone texts of the local trust chain: a root `.` that delegates each TLD with a DS, and a TLD that
 * delegates each lab zone with the DS its server printed. Every server of the chain listens on the
 * same port (dig +trace and resolvers use one port for every server), each on its own loopback address.
 */
import { canonicalName } from '../dns/names'

/** Where the chain's servers listen by default (all of 127/8 is loopback on Linux). */
export const CHAIN_ROOT_ADDRESS = '127.53.0.1'
export const CHAIN_ROOT_NS = 'a.root-servers.lab.'

export interface ChainChild {
  /** A zone one label below a TLD, e.g. `example.test.`. */
  origin: string
  /** Its DS records: whole lines (`example.test. IN DS 1234 13 2 AB…`) or just the RDATA (`1234 13 2 AB…`). */
  ds: string[]
  /** Its name servers as the TLD delegates them (glue when below the zone). */
  nameServers: { name: string; address: string }[]
}

const HEAD_TTL = 86_400
const DELEGATION_TTL = 172_800

export function tldOf(origin: string): string {
  const labels = canonicalName(origin).split('.').filter(Boolean)
  if (labels.length < 2) throw new Error(`${origin}: the trust chain delegates zones one label below a TLD (like example.test.)`)
  return `${labels.at(-1)}.`
}

/** The DS RDATA in presentation form from a whole DS line or the RDATA alone. */
export function dsRdataText(line: string): string {
  const match = /\bDS\s+(\d+\s+\d+\s+\d+\s+[0-9a-fA-F\s]+)$/i.exec(line.trim())
  const rdata = (match ? match[1]! : line).trim().replace(/\s+/g, ' ')
  if (!/^\d+ \d+ \d+ [0-9a-fA-F ]+$/.test(rdata)) throw new Error(`not a DS record: ${line}`)
  return rdata
}

/** A DS line (or its RDATA text) as wire RDATA. */
export function dsWire(line: string): Buffer {
  const [tag, alg, type, ...digest] = dsRdataText(line).split(' ')
  return Buffer.concat([Buffer.from([Number(tag) >> 8, Number(tag) & 0xff, Number(alg), Number(type)]), Buffer.from(digest.join(''), 'hex')])
}

function soa(origin: string, ns: string): string {
  return `${origin} ${HEAD_TTL} IN SOA ${ns} hostmaster.${origin === '.' ? 'root-servers.lab.' : origin} 1 1800 900 604800 86400`
}

/** The root zone: its own server, and each TLD delegated with glue and DS. */
export function rootZoneText(tlds: { tld: string; address: string; ds: string[] }[], rootAddress: string): string {
  const lines = ['$ORIGIN .', soa('.', CHAIN_ROOT_NS), `. 518400 IN NS ${CHAIN_ROOT_NS}`, `${CHAIN_ROOT_NS} 518400 IN A ${rootAddress}`]
  for (const t of tlds) {
    lines.push(`${t.tld} ${DELEGATION_TTL} IN NS a.nic.${t.tld}`, `a.nic.${t.tld} ${DELEGATION_TTL} IN A ${t.address}`)
    for (const ds of t.ds) lines.push(`${t.tld} ${HEAD_TTL} IN DS ${dsRdataText(ds)}`)
  }
  return `${lines.join('\n')}\n`
}

/** A TLD zone: its own server, and each child delegated with its name servers, glue and DS. */
export function tldZoneText(tld: string, address: string, children: ChainChild[]): string {
  const ns = `a.nic.${tld}`
  const lines = [`$ORIGIN ${tld}`, soa(tld, ns), `${tld} ${HEAD_TTL} IN NS ${ns}`, `${ns} ${HEAD_TTL} IN A ${address}`]
  for (const child of children) {
    const origin = canonicalName(child.origin)
    if (child.nameServers.length === 0) throw new Error(`${origin}: no name server to delegate to`)
    for (const server of child.nameServers) {
      const name = canonicalName(server.name)
      lines.push(`${origin} ${DELEGATION_TTL} IN NS ${name}`)
      if (name === origin || name.endsWith(`.${origin}`)) lines.push(`${name} ${DELEGATION_TTL} IN A ${server.address}`)
    }
    for (const ds of child.ds) lines.push(`${origin} ${HEAD_TTL} IN DS ${dsRdataText(ds)}`)
  }
  return `${lines.join('\n')}\n`
}
