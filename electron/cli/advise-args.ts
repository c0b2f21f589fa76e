import { SUBNET_PRESETS, subnetFromText } from '@shared/locality'
import { profileIds, type ProfileId } from '@shared/providers'
import { UsageError } from '@shared/errors'
import { inspectorDefaults, oneApex, readInspectorArgs, type InspectorFlags } from './inspector-args'
import { choice, type Flags } from './read-args'

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

export interface AdviseCommand extends InspectorFlags {
  apex: string
  target: string
  profile?: ProfileId
  subnets: string[]
  json: boolean
}

export function parseAdviseArgs(argv: readonly string[]): AdviseCommand {
  const cmd: AdviseCommand = { ...inspectorDefaults(), apex: '', target: '', subnets: [], json: false }
  const own: Flags = {
    '--target': (v) => (cmd.target = v()),
    '--profile': (v, f) => (cmd.profile = choice<ProfileId>(f, v(), profileIds)),
    '--subnet': (value) => {
      const text = value()
      const s = subnetFromText(text)
      if (!s) throw new UsageError(`--subnet takes a subnet such as 203.0.113.0/24 or a preset (${Object.keys(SUBNET_PRESETS).join(', ')}), not "${text}"`)
      if (!cmd.subnets.includes(s)) cmd.subnets.push(s)
    },
    '--json': () => (cmd.json = true)
  }
  readInspectorArgs(argv, cmd, own, oneApex(cmd))
  if (!cmd.help && !cmd.apex) throw new UsageError('name the apex, e.g. npm run advise -- example.com --target shop.cdn.example.net')
  if (!cmd.help && !cmd.target) throw new UsageError('--target NAME is required: the name the apex should follow')
  return cmd
}
