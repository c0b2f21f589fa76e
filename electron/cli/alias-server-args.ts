import { isIP } from 'node:net'
import {
  dnssecAlgorithms,
  dnssecDenials,
  zoneDialects,
  type AliasSettingsPatch,
  type DnssecConfig,
  type UpstreamConfig,
  type ZoneDialect
} from '@shared/alias-server'
import { isTtlRule, profileIds, ttlRuleNames, type ProfileId } from '@shared/providers'
import type { TransferConfig } from '../alias-server'
import { parseResolver } from '../resolvers'
import { UsageError } from '@shared/errors'
import { choice, helpFlags, port, readArgs, type Flags } from './read-args'

export const ALIAS_SERVER_USAGE = `usage: npm run alias-server -- [--zone FILE]... [options]
  --zone FILE            a zone file to serve (repeatable; default: the demo zone example.test.)
  --dialect D            how the zone files are written: ${zoneDialects.join(' | ')} (default bind):
                         bind: ALIAS and ANAME; route53-text: NAME [TTL] A|AAAA ALIAS TARGET and cli53's
                         NAME AWS ALIAS A|AAAA TARGET ZONEID EVALUATE (an alias per family); cloudflare: an
                         apex CNAME (or one tagged cf-flatten-cname) is flattened
  --flatten-all-cnames   with --dialect cloudflare: flatten every CNAME (Cloudflare's "flatten all CNAMEs")
  --port N               UDP and TCP port (default 5353; 0 picks a free one)
  --host IP              address to listen on (default 127.0.0.1; others warn and rate-limit)
  --upstream SPEC        where ALIAS targets are resolved: 'simulated' (default), or a resolver:
                         IP, IP:port, [IPv6]:port, tcp://, tls://, https://
  --upstream-mode M      recursive (default: ask the resolver) | authoritative (use it only to find the
                         target's name servers, then ask those with RD=0)
  --server-port N        authoritative mode: port of the target's name servers (default 53)
  --profile NAME         behave like a provider: ${profileIds.join(' | ')}
                         (default draft); the three flags below override its rules
  --list-profiles        print every profile, its rules and their sources, and exit
  --ttl-policy P         min | fixed | passthrough | record | constant:N (default: the profile's)
  --on-missing M         target NXDOMAIN/NODATA: nodata | servfail (default: the profile's)
  --on-failure M         target SERVFAIL/timeout: stale | servfail | nodata (default: the profile's)
  --dnssec               sign every zone online (DO=1 answers carry RRSIGs; DNSKEY, CDS, CDNSKEY served)
  --key-dir DIR          where zone keys are kept (default ./dnssec-keys); made on first start, reused
  --algorithm A          ecdsap256sha256 (default) | ed25519
  --denial D             nsec (default; minimally covering, RFC 4470) | nsec3 (white lies, RFC 9276)
  --axfr MODE            zone transfers over TCP: raw (default; the ALIAS record as written) |
                         expanded (the target's current addresses; serial bump + NOTIFY on change)
  --axfr-allow ADDR      a client address allowed to transfer (repeatable; 'any'; default loopback)
  --notify HOST:PORT     a secondary to NOTIFY when an expanded zone changes (repeatable)
  --geo FILE             simulate a CDN with geography (JSON, see README): its names answer by client
                         subnet (ECS, else source address); ALIAS records may point at them
  --quiet                no per-query log lines`

export interface AliasServerCommand {
  zones: string[]
  dialect: ZoneDialect
  flattenAllCnames: boolean
  port: number
  host: string
  upstream: UpstreamConfig
  settings: AliasSettingsPatch
  quiet: boolean
  help: boolean
  listProfiles: boolean
  /** null: --dnssec not given. */
  dnssec: Required<DnssecConfig> | null
  transfer: TransferConfig
  /** --geo FILE, or null. */
  geo: string | null
}

export function parseAliasServerArgs(argv: string[]): AliasServerCommand {
  const cmd = { zones: [] as string[], dialect: 'bind' as ZoneDialect, flattenAllCnames: false, port: 5353, host: '127.0.0.1', quiet: false, help: false, listProfiles: false, geo: null as string | null, settings: {} as AliasSettingsPatch }
  const up = { spec: 'simulated', mode: 'recursive' as 'recursive' | 'authoritative', serverPort: 53, signed: false }
  const dnssec: Required<DnssecConfig> = { keyDir: 'dnssec-keys', algorithm: 'ecdsap256sha256', denial: 'nsec' }
  const dnssecFlags: string[] = []
  const signing = (set: (v: string, flag: string) => void): Flags[string] => (v, flag) => {
    set(v(), flag)
    dnssecFlags.push(flag)
  }
  const transfer: Required<Omit<TransferConfig, 'checkMs'>> = { mode: 'raw', allow: [], notify: [] }
  readArgs(argv, {
    ...helpFlags(cmd),
    '--zone': (v) => cmd.zones.push(v()),
    '--dialect': (v, f) => (cmd.dialect = choice(f, v(), zoneDialects)),
    '--flatten-all-cnames': () => (cmd.flattenAllCnames = true),
    '--port': (v, f) => (cmd.port = port(f, v())),
    '--host': (v) => (cmd.host = v()),
    '--upstream': (v) => (up.spec = v()),
    '--upstream-mode': (v, f) => (up.mode = choice(f, v(), ['recursive', 'authoritative'] as const)),
    '--server-port': (v, f) => (up.serverPort = port(f, v(), 1)),
    '--profile': (v, f) => (cmd.settings.profile = choice<ProfileId>(f, v(), profileIds)),
    '--list-profiles': () => (cmd.listProfiles = true),
    '--ttl-policy': (value, flag) => {
      const v = value()
      if (!isTtlRule(v)) throw new UsageError(`${flag} is one of ${ttlRuleNames.join(', ')} or constant:N (seconds), not "${v}"`)
      cmd.settings.ttlPolicy = v
    },
    '--on-missing': (v, f) => {
      cmd.settings.onTargetMissing = choice(f, v(), ['nodata', 'servfail'] as const)
      cmd.settings.onTargetNxdomain = null
    },
    '--on-failure': (v, f) => (cmd.settings.onUpstreamFailure = choice(f, v(), ['stale', 'servfail', 'nodata'] as const)),
    '--geo': (v) => (cmd.geo = v()),
    '--quiet': () => (cmd.quiet = true),
    '--axfr': (v, f) => (transfer.mode = choice(f, v(), ['raw', 'expanded'] as const)),
    '--axfr-allow': (value, flag) => {
      const v = value()
      if (v !== 'any' && isIP(v) === 0) throw new UsageError(`${flag} needs an IP address or 'any', not "${v}"`)
      transfer.allow.push(v)
    },
    '--notify': (value, flag) => {
      const v = value()
      const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(v)
      const host = m?.[1] ?? m?.[2]
      if (!m || !host || isIP(host) === 0) throw new UsageError(`${flag} needs IP:PORT or [IPv6]:PORT, not "${v}"`)
      transfer.notify.push({ host, port: port(flag, m[3]!, 1) })
    },
    '--dnssec': () => (up.signed = true),
    '--key-dir': signing((v) => (dnssec.keyDir = v)),
    '--algorithm': signing((v, f) => (dnssec.algorithm = choice(f, v, dnssecAlgorithms))),
    '--denial': signing((v, f) => (dnssec.denial = choice(f, v, dnssecDenials)))
  }, { inline: /^(--[^=]*)=(.*)$/s })
  if (cmd.geo !== null && up.spec !== 'simulated') throw new UsageError('--geo needs --upstream simulated')
  let config: UpstreamConfig
  if (up.spec === 'simulated') config = { mode: 'simulated' }
  else {
    let resolver
    try {
      resolver = parseResolver(up.spec)
    } catch (error) {
      throw new UsageError(`--upstream: ${error instanceof Error ? error.message : String(error)}`)
    }
    config = up.mode === 'recursive' ? { mode: up.mode, resolver } : { mode: up.mode, bootstrap: resolver, serverPort: up.serverPort }
  }
  if (cmd.flattenAllCnames && cmd.dialect !== 'cloudflare') throw new UsageError('--flatten-all-cnames needs --dialect cloudflare')
  if (!up.signed && dnssecFlags.length > 0) throw new UsageError(`${dnssecFlags[0]} needs --dnssec`)
  return { ...cmd, upstream: config, dnssec: up.signed ? dnssec : null, transfer }
}
