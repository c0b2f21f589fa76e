/** `npm run advise -- APEX --target NAME [--json]`: how to point this apex at that target, and the risks. */
import { setMaxListeners } from 'node:events'
import type { Advice } from '@shared/advisor'
import { gatherFacts, recommend } from '../advisor'
import { ADVISE_USAGE, parseAdviseArgs } from './advise-args'
import { resolversOrSystem, runCli } from './run-cli'
import { writeOut } from './read-args'

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
  if (cmd.help) return writeOut(ADVISE_USAGE)
  cmd.resolvers = await resolversOrSystem(cmd.resolvers)
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

runCli('advise', main, { usage: ADVISE_USAGE })
