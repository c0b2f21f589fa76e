import { homedir } from 'node:os'
import { join } from 'node:path'
import type { ResolverTarget } from '@shared/dns'
import { ttlPolicies, type TtlPolicy } from '@shared/inspector'
import { SUBNET_PRESETS, subnetFromText } from '@shared/locality'
import { isTtlRule } from '@shared/providers'
import { UsageError } from '@shared/errors'
import { oneApex, readInspectorArgs, whole } from './inspector-args'

export interface InspectCommand {
  apex: string
  target?: string
  /** Empty: the system's resolvers. */
  resolvers: ResolverTarget[]
  /** Seconds to watch after the inspection; undefined: no watch. */
  watchSeconds?: number
  mode: 'expiry' | 'interval'
  intervalSeconds: number
  policy: TtlPolicy
  authoritativePort: number
  skipAuthoritative: boolean
  measureLookupCost: boolean
  timeoutMs: number
  json: boolean
  help: boolean
  dnssec: boolean
  /** Path of a file with DNSKEY or DS lines for the apex zone. */
  trustAnchorFile?: string
  /** Where recent observations are kept (observations.sqlite). */
  dataDir: string
  /** --subnet, repeatable: client subnets for the locality view. */
  subnets: string[]
}

export const USAGE = `usage: npm run inspect -- APEX [--target NAME] [--resolver SERVER]... [options]
  --target NAME        the name the apex should follow (default: the best suggestion)
  --resolver SERVER    IP, IP:port, tcp://, tls://, https:// (repeatable; default: the system's resolvers)
  --watch SECONDS      then watch apex and target that long and print a staleness summary
  --mode expiry|interval   watch sampling: at each TTL's expiry (default) or every --interval seconds
  --interval SECONDS   sampling interval, and the retry delay in expiry mode (default 5)
  --policy RULE        the ALIAS server's TTL rule, for the staleness bound:
                       min|fixed|passthrough|record|constant:N (default min)
  --auth-port PORT     port of the zones' own servers (default 53), for the inspection and the watch
  --no-authoritative   do not query the zones' own servers (no ALIAS record, no authoritative watch viewpoint)
  --data-dir DIR       where recent observations are kept (default $ALIAS_INSPECTOR_DATA_DIR or ~/.alias-inspector)
  --no-lookup-cost     do not time the apex cold and warm at its own servers (the lookupCost field)
  --timeout MS         per query attempt (default 3000)
  --dnssec             also check the apex's DNSSEC per resolver (AD, RRSIGs, validity window)
  --trust-anchor FILE  DNSKEY or DS lines for the apex zone: validate apex A/AAAA ourselves (implies --dnssec)
  --subnet SUBNET      locality view: ask apex and target with this client subnet (ECS); repeatable;
                       presets ${Object.entries(SUBNET_PRESETS).map(([k, v]) => `${k}=${v}`).join(' ')}, or "presets" for all
  --json               print JSON instead of text`

export function parseInspectArgs(argv: readonly string[]): InspectCommand {
  const cmd: InspectCommand = {
    apex: '',
    resolvers: [],
    mode: 'expiry',
    intervalSeconds: 5,
    policy: 'min',
    authoritativePort: 53,
    skipAuthoritative: false,
    measureLookupCost: true,
    timeoutMs: 3000,
    json: false,
    help: false,
    dataDir: process.env.ALIAS_INSPECTOR_DATA_DIR || join(homedir(), '.alias-inspector'),
    dnssec: false,
    subnets: []
  }
  const own = (arg: string, value: (flag: string) => string): boolean => {
    switch (arg) {
      case '--target':
        cmd.target = value(arg)
        return true
      case '--watch':
        cmd.watchSeconds = whole(arg, value(arg), 1, 30 * 86_400)
        return true
      case '--mode': {
        const mode = value(arg)
        if (mode !== 'expiry' && mode !== 'interval') throw new UsageError('--mode is expiry or interval')
        cmd.mode = mode
        return true
      }
      case '--interval':
        cmd.intervalSeconds = whole(arg, value(arg), 1, 86_400)
        return true
      case '--policy': {
        const policy = value(arg)
        if (!isTtlRule(policy)) throw new UsageError(`--policy is one of ${ttlPolicies.join(', ')} or constant:N, not "${policy}"`)
        cmd.policy = policy
        return true
      }
      case '--no-lookup-cost':
        cmd.measureLookupCost = false
        return true
      case '--data-dir':
        cmd.dataDir = value(arg)
        return true
      case '--json':
        cmd.json = true
        return true
      case '--dnssec':
        cmd.dnssec = true
        return true
      case '--trust-anchor':
        cmd.trustAnchorFile = value(arg)
        cmd.dnssec = true
        return true
      case '--subnet': {
        const text = value(arg)
        const subnets = text === 'presets' ? Object.values(SUBNET_PRESETS) : [subnetFromText(text)]
        if (subnets[0] === null) throw new UsageError(`--subnet takes a subnet such as 203.0.113.0/24, a preset (${Object.keys(SUBNET_PRESETS).join(', ')}) or presets, not "${text}"`)
        for (const s of subnets) if (s && !cmd.subnets.includes(s)) cmd.subnets.push(s)
        if (cmd.subnets.length > 16) throw new UsageError('--subnet: 16 subnets at most')
        return true
      }
      default:
        return false
    }
  }
  readInspectorArgs(argv, cmd, own, oneApex(cmd))
  if (!cmd.apex && !cmd.help) throw new UsageError('name the apex to inspect, e.g. npm run inspect -- example.com')
  return cmd
}
