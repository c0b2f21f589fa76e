/**
 * The README's profiles table, generated from the profiles themselves (a unit test keeps the two
 * equal): each cell is the rule's value, its trust mark and the number of its source.
 */
import type { Profile, ProfileRuleName } from '@shared/providers'
import { PROFILES } from './profiles'

const COLUMNS: Array<[ProfileRuleName, string]> = [
  ['ttl', 'TTL'],
  ['targetNxdomain', 'NXDOMAIN'],
  ['targetNodata', 'NODATA'],
  ['targetFailure', 'SERVFAIL / timeout'],
  ['resolution', 'timeout × tries'],
  ['negativeCaching', 'neg. cache'],
  ['ecs', 'ECS'],
  ['placement', 'stands'],
  ['targets', 'points at'],
  ['aliasTypeQuery', 'type 65401'],
  ['synthesized', 'extra records'],
  ['axfr', 'AXFR'],
  ['dnssec', 'DNSSEC']
]

function valueText(name: ProfileRuleName, p: Profile): string {
  const v = p[name].value as unknown
  if (name === 'resolution') {
    const r = p.resolution.value
    return `${r.timeoutMs} ms × ${r.retries + 1}`
  }
  if (name === 'ecs') {
    const e = p.ecs.value
    return e.forward ? `yes /${e.ipv4Prefix} /${e.ipv6Prefix}` : 'no'
  }
  if (name === 'synthesized') return p.synthesized.value.length > 0 ? p.synthesized.value.join(', ') : 'none'
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  return String(v)
}

export function profilesMarkdown(): string {
  const lines = [
    `| profile | ${COLUMNS.map(([, label]) => label).join(' | ')} |`,
    `|---|${COLUMNS.map(() => '---').join('|')}|`
  ]
  const notes: string[] = []
  for (const p of PROFILES) {
    const sources: string[] = []
    const cells = COLUMNS.map(([name]) => {
      const r = p[name]
      const mark = r.source === null ? ' (assumed)' : r.checked ? '' : ' (unchecked)'
      let ref = ''
      if (r.source) {
        const key = `${r.source.title}|${r.source.url}`
        let n = sources.indexOf(key)
        if (n < 0) n = sources.push(key) - 1
        ref = ` [${n + 1}]`
      }
      return `${valueText(name, p)}${mark}${ref}`
    })
    lines.push(`| \`${p.id}\` | ${cells.join(' | ')} |`)
    const list = sources.map((key, i) => {
      const [title, url] = key.split('|') as [string, string]
      return `[${i + 1}] ${/^https?:/.test(url) ? `[${title}](${url})` : `${title}`}`
    })
    const extra = [...(p.historical ? [`Historical: ${p.historical}`] : []), ...p.notes]
    notes.push(`- \`${p.id}\`: ${list.join('; ')}${extra.length > 0 ? `. ${extra.join(' ')}` : ''}`)
  }
  return [...lines, '', 'Sources, by profile (numbers as in the table; "(unchecked)": the source implies it without saying it; "(assumed)": no source):', '', ...notes].join('\n')
}
