import type { ResolverTarget } from '@shared/dns'
import { SUBNET_PRESETS, subnetFromText } from '@shared/locality'
import { profileIds, type ProfileId } from '@shared/providers'
import { UsageError } from '@shared/errors'
import { inspectorFlag } from './inspect-args'

export { UsageError }

export const ADVISE_USAGE = `usage: npm run advise -- APEX --target NAME [--json] [options]
  --target NAME        the name the apex should follow (required)
  --resolver SERVER    IP, IP:port, tcp://, tls://, https:// (repeatable; default: the system's resolvers)
  --profile NAME       the DNS host's profile when its NS names do not tell: ${profileIds.join(' | ')}
  --subnet SUBNET      client subnets for the locality check (repeatable; default: every preset:
                       ${Object.keys(SUBNET_PRESETS).join(', ')})
  --auth-port PORT     port of the apex zone's own servers (default 53)
  --no-authoritative   do not query the apex zone's own servers
  --timeout MS         per query attempt (default 3000)
  --json               print JSON instead of text`

export interface AdviseCommand {
  apex: string
  target: string
  resolvers: ResolverTarget[]
  profile?: ProfileId
  subnets: string[]
  authoritativePort: number
  skipAuthoritative: boolean
  timeoutMs: number
  json: boolean
  help: boolean
}

export function parseAdviseArgs(argv: readonly string[]): AdviseCommand {
  const cmd: AdviseCommand = { apex: '', target: '', resolvers: [], subnets: [], authoritativePort: 53, skipAuthoritative: false, timeoutMs: 3000, json: false, help: false }
  const rest = [...argv]
  const value = (flag: string): string => {
    const next = rest.shift()
    if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`)
    return next
  }
  while (rest.length > 0) {
    const arg = rest.shift()!
    // --resolver, --auth-port, --no-authoritative, --timeout: the same as the inspector's
    if (inspectorFlag(arg, value, cmd)) continue
    switch (arg) {
      case '-h':
      case '--help':
        cmd.help = true
        break
      case '--target':
        cmd.target = value(arg)
        break
      case '--profile': {
        const p = value(arg)
        if (!(profileIds as readonly string[]).includes(p)) throw new UsageError(`--profile is one of ${profileIds.join(', ')}, not "${p}"`)
        cmd.profile = p as ProfileId
        break
      }
      case '--subnet': {
        const text = value(arg)
        const s = subnetFromText(text)
        if (!s) throw new UsageError(`--subnet takes a subnet such as 203.0.113.0/24 or a preset (${Object.keys(SUBNET_PRESETS).join(', ')}), not "${text}"`)
        if (!cmd.subnets.includes(s)) cmd.subnets.push(s)
        break
      }
      case '--json':
        cmd.json = true
        break
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`)
        if (cmd.apex) throw new UsageError(`one apex at a time (got "${cmd.apex}" and "${arg}")`)
        cmd.apex = arg
    }
  }
  if (!cmd.help && !cmd.apex) throw new UsageError('name the apex, e.g. npm run advise -- example.com --target shop.cdn.example.net')
  if (!cmd.help && !cmd.target) throw new UsageError('--target NAME is required: the name the apex should follow')
  return cmd
}
