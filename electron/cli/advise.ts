/** `npm run advise -- APEX --target NAME [--json]`: how to point this apex at that target, and the risks. */
import { setMaxListeners } from 'node:events'
import type { Advice } from '@shared/advisor'
import { gatherFacts } from '../advisor/gather'
import { recommend } from '../advisor/recommend'
import { ServiceError } from '@shared/errors'
import { systemResolvers } from '../resolvers/system-resolvers'
import { UsageError } from '@shared/errors'
import { ADVISE_USAGE, parseAdviseArgs } from './advise-args'

export function adviceText(a: Advice): string {
  const lines = [a.summary, '', 'found:', ...a.reasons.map((r) => `  · ${r}`), '', 'options:']
  for (const o of a.options) {
    lines.push(
      `  ${o.technique}${o.usable ? '' : ' (not usable)'}: ${o.why}`,
      `      staleness ≤ ${o.risk.stalenessBoundSeconds} s (${o.risk.stalenessFormula})`,
      `      locality penalty ${Math.round(o.risk.localityPenalty * 100)} %: ${o.risk.locality}`,
      `      DNSSEC: ${o.risk.dnssec}`
    )
  }
  return `${lines.join('\n')}\n`
}

async function main(argv: string[]): Promise<number> {
  const cmd = parseAdviseArgs(argv)
  if (cmd.help) {
    process.stdout.write(`${ADVISE_USAGE}\n`)
    return 0
  }
  if (cmd.resolvers.length === 0) cmd.resolvers = await systemResolvers()
  if (cmd.resolvers.length === 0) throw new UsageError('no system resolver was found; give one with --resolver')
  const abort = new AbortController()
  setMaxListeners(200, abort.signal)
  process.once('SIGINT', () => abort.abort())
  const facts = await gatherFacts(
    {
      apex: cmd.apex,
      target: cmd.target,
      resolvers: cmd.resolvers,
      ...(cmd.profile ? { profile: cmd.profile } : {}),
      ...(cmd.subnets.length > 0 ? { subnets: cmd.subnets } : {}),
      authoritativePort: cmd.authoritativePort,
      skipAuthoritative: cmd.skipAuthoritative,
      timeoutMs: cmd.timeoutMs
    },
    { signal: abort.signal }
  )
  const advice = recommend(facts)
  process.stdout.write(cmd.json ? `${JSON.stringify({ advice }, null, 2)}\n` : adviceText(advice))
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof ServiceError && error.code === 'bad-input')) {
      process.stderr.write(`advise: ${error.message}\n${error instanceof UsageError ? `${ADVISE_USAGE}\n` : ''}`)
      process.exitCode = 1
      return
    }
    process.stderr.write(`advise: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 10
  }
)
