/** Profiles in words: the --list-profiles text and the rule labels the UI shows. */
import type { Profile, ProfileRuleName } from '@shared/providers'

const RULE_LABELS: Record<ProfileRuleName, string> = {
  ttl: 'TTL',
  targetNxdomain: 'target NXDOMAIN',
  targetNodata: 'target NODATA',
  targetFailure: 'target SERVFAIL or timeout',
  resolution: 'resolution timeout',
  negativeCaching: 'negative caching',
  ecs: 'ECS forwarding',
  placement: 'where an alias may stand',
  targets: 'what it may point at',
  aliasTypeQuery: 'query for the alias type',
  synthesized: 'synthesised records',
  axfr: 'AXFR',
  dnssec: 'DNSSEC'
}

export const RULE_NAMES = Object.keys(RULE_LABELS) as ProfileRuleName[]

/** "checked", "not checked" or "ASSUMPTION": how far to trust a rule. */
function trustOf(r: Profile[ProfileRuleName]): 'checked' | 'not checked' | 'assumption' {
  return r.source === null ? 'assumption' : r.checked ? 'checked' : 'not checked'
}

/** One profile for a terminal: a summary line, then one line per rule with its source. */
export function profileText(p: Profile): string {
  const lines = [`${p.id.padEnd(12)} ${p.name}: ${p.summary}`]
  for (const name of RULE_NAMES) {
    const r = p[name]
    const trust = trustOf(r)
    const where = r.source ? ` [${r.source.title} ${r.source.url}]` : ''
    lines.push(`    ${RULE_LABELS[name].padEnd(26)} ${r.text}${trust === 'assumption' ? ' (ASSUMPTION)' : trust === 'not checked' ? ' (not checked)' : ''}${where}`)
  }
  if (p.historical) lines.push(`    historical: ${p.historical}`)
  for (const note of p.notes) lines.push(`    note: ${note}`)
  return lines.join('\n')
}
