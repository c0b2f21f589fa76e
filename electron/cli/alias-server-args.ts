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
import type { TransferConfig } from '../alias-server/transfer/transfer-service'
import { parseResolver } from '../resolvers/parse-resolver'
import { UsageError } from '@shared/errors'

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

function port(flag: string, value: string, min = 0): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > 65535) throw new UsageError(`${flag} needs a port number, not "${value}"`)
  return n
}

function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} is one of ${allowed.join(', ')}, not "${value}"`)
  return value as T
}

export function parseAliasServerArgs(argv: string[]): AliasServerCommand {
  const cmd = { zones: [] as string[], dialect: 'bind' as ZoneDialect, flattenAllCnames: false, port: 5353, host: '127.0.0.1', quiet: false, help: false, listProfiles: false, geo: null as string | null, settings: {} as AliasSettingsPatch }
  let upstream = 'simulated'
  let mode: 'recursive' | 'authoritative' = 'recursive'
  let serverPort = 53
  let signed = false
  const dnssec: Required<DnssecConfig> = { keyDir: 'dnssec-keys', algorithm: 'ecdsap256sha256', denial: 'nsec' }
  const dnssecFlags: string[] = []
  const transfer: Required<Omit<TransferConfig, 'checkMs'>> = { mode: 'raw', allow: [], notify: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined) throw new UsageError(`${flag} needs a value`)
      return v
    }
    switch (flag) {
      case '--help':
      case '-h':
        cmd.help = true
        break
      case '--zone':
        cmd.zones.push(value())
        break
      case '--dialect':
        cmd.dialect = choice(flag, value(), zoneDialects)
        break
      case '--flatten-all-cnames':
        cmd.flattenAllCnames = true
        break
      case '--port':
        cmd.port = port(flag, value())
        break
      case '--host':
        cmd.host = value()
        break
      case '--upstream':
        upstream = value()
        break
      case '--upstream-mode':
        mode = choice(flag, value(), ['recursive', 'authoritative'] as const)
        break
      case '--server-port':
        serverPort = port(flag, value(), 1)
        break
      case '--profile':
        cmd.settings.profile = choice<ProfileId>(flag, value(), profileIds)
        break
      case '--list-profiles':
        cmd.listProfiles = true
        break
      case '--ttl-policy': {
        const v = value()
        if (!isTtlRule(v)) throw new UsageError(`${flag} is one of ${ttlRuleNames.join(', ')} or constant:N (seconds), not "${v}"`)
        cmd.settings.ttlPolicy = v
        break
      }
      case '--on-missing':
        cmd.settings.onTargetMissing = choice(flag, value(), ['nodata', 'servfail'] as const)
        cmd.settings.onTargetNxdomain = null
        break
      case '--on-failure':
        cmd.settings.onUpstreamFailure = choice(flag, value(), ['stale', 'servfail', 'nodata'] as const)
        break
      case '--geo':
        cmd.geo = value()
        break
      case '--quiet':
        cmd.quiet = true
        break
      case '--axfr':
        transfer.mode = choice(flag, value(), ['raw', 'expanded'] as const)
        break
      case '--axfr-allow': {
        const v = value()
        if (v !== 'any' && isIP(v) === 0) throw new UsageError(`${flag} needs an IP address or 'any', not "${v}"`)
        transfer.allow.push(v)
        break
      }
      case '--notify': {
        const v = value()
        const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(v)
        const host = m?.[1] ?? m?.[2]
        if (!m || !host || isIP(host) === 0) throw new UsageError(`${flag} needs IP:PORT or [IPv6]:PORT, not "${v}"`)
        transfer.notify.push({ host, port: port(flag, m[3]!, 1) })
        break
      }
      case '--dnssec':
        signed = true
        break
      case '--key-dir':
        dnssec.keyDir = value()
        dnssecFlags.push(flag)
        break
      case '--algorithm':
        dnssec.algorithm = choice(flag, value(), dnssecAlgorithms)
        dnssecFlags.push(flag)
        break
      case '--denial':
        dnssec.denial = choice(flag, value(), dnssecDenials)
        dnssecFlags.push(flag)
        break
      default:
        throw new UsageError(`unknown argument "${arg}"`)
    }
  }
  if (cmd.geo !== null && upstream !== 'simulated') throw new UsageError('--geo needs --upstream simulated')
  let config: UpstreamConfig
  if (upstream === 'simulated') config = { mode: 'simulated' }
  else {
    let resolver
    try {
      resolver = parseResolver(upstream)
    } catch (error) {
      throw new UsageError(`--upstream: ${error instanceof Error ? error.message : String(error)}`)
    }
    config = mode === 'recursive' ? { mode, resolver } : { mode, bootstrap: resolver, serverPort }
  }
  if (cmd.flattenAllCnames && cmd.dialect !== 'cloudflare') throw new UsageError('--flatten-all-cnames needs --dialect cloudflare')
  if (!signed && dnssecFlags.length > 0) throw new UsageError(`${dnssecFlags[0]} needs --dnssec`)
  return { ...cmd, upstream: config, dnssec: signed ? dnssec : null, transfer }
}
