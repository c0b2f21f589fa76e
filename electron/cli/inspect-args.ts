import { homedir } from 'node:os'
import { join } from 'node:path'
import { ttlPolicies, type TtlPolicy } from '@shared/inspector'
import { SUBNET_PRESETS, subnetFromText } from '@shared/locality'
import { isTtlRule } from '@shared/providers'
import { UsageError } from '@shared/errors'
import { inspectorDefaults, oneApex, readInspectorArgs, type InspectorFlags } from './inspector-args'
import { whole, type Flags } from './read-args'

export interface InspectCommand extends InspectorFlags {
  apex: string
  target?: string
  /** Seconds to watch after the inspection; undefined: no watch. */
  watchSeconds?: number
  mode: 'expiry' | 'interval'
  intervalSeconds: number
  policy: TtlPolicy
  measureLookupCost: boolean
  json: boolean
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
    ...inspectorDefaults(),
    apex: '',
    mode: 'expiry',
    intervalSeconds: 5,
    policy: 'min',
    measureLookupCost: true,
    json: false,
    dataDir: process.env.ALIAS_INSPECTOR_DATA_DIR || join(homedir(), '.alias-inspector'),
    dnssec: false,
    subnets: []
  }
  const own: Flags = {
    '--target': (v) => (cmd.target = v()),
    '--watch': (v, f) => (cmd.watchSeconds = whole(f, v(), 1, 30 * 86_400)),
    '--mode': (value) => {
      const mode = value()
      if (mode !== 'expiry' && mode !== 'interval') throw new UsageError('--mode is expiry or interval')
      cmd.mode = mode
    },
    '--interval': (v, f) => (cmd.intervalSeconds = whole(f, v(), 1, 86_400)),
    '--policy': (value) => {
      const policy = value()
      if (!isTtlRule(policy)) throw new UsageError(`--policy is one of ${ttlPolicies.join(', ')} or constant:N, not "${policy}"`)
      cmd.policy = policy
    },
    '--no-lookup-cost': () => (cmd.measureLookupCost = false),
    '--data-dir': (v) => (cmd.dataDir = v()),
    '--json': () => (cmd.json = true),
    '--dnssec': () => (cmd.dnssec = true),
    '--trust-anchor': (v) => {
      cmd.trustAnchorFile = v()
      cmd.dnssec = true
    },
    '--subnet': (value) => {
      const text = value()
      const subnets = text === 'presets' ? Object.values(SUBNET_PRESETS) : [subnetFromText(text)]
      if (subnets[0] === null) throw new UsageError(`--subnet takes a subnet such as 203.0.113.0/24, a preset (${Object.keys(SUBNET_PRESETS).join(', ')}) or presets, not "${text}"`)
      for (const s of subnets) if (s && !cmd.subnets.includes(s)) cmd.subnets.push(s)
      if (cmd.subnets.length > 16) throw new UsageError('--subnet: 16 subnets at most')
    }
  }
  readInspectorArgs(argv, cmd, own, oneApex(cmd))
  if (!cmd.apex && !cmd.help) throw new UsageError('name the apex to inspect, e.g. npm run inspect -- example.com')
  return cmd
}
