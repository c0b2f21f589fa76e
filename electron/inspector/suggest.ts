import type { ProviderMatch, RrsetObservation, TargetSuggestion } from '@shared/inspector'
import { typedName, displayName } from '../dns/names'
import { parseSvcbHead } from '../dns/svcb'

/** What one resolver said about the names that hint at the apex's target. */
export interface SuggestionSources {
  /** The apex's own ALIAS record (type 65401), which servers that implement ALIAS answer when asked. */
  apexAlias?: RrsetObservation
  apexCname?: RrsetObservation
  apexHttps?: RrsetObservation
  wwwCname?: RrsetObservation
}

/** Priority and canonical target of SVCB/HTTPS data ('0 cdn.example.net.'), read by the SVCB codec. */
export function parseSvcbData(data: string): { priority: number; target: string } | undefined {
  const head = parseSvcbHead(data)
  return head && { priority: head.priority, target: typedName(head.target) }
}

/** The TargetName of HTTPS/SVCB data in AliasMode (priority 0, not "."). */
export function aliasModeTarget(data: string): string | undefined {
  const svcb = parseSvcbData(data)
  return svcb && svcb.priority === 0 && svcb.target !== '.' ? svcb.target : undefined
}

/** Target suggestions, strongest first, each name once (the first reason wins). */
export function suggestTargets(apexInput: string, sources: readonly SuggestionSources[]): TargetSuggestion[] {
  const apex = typedName(apexInput)
  const out = new Map<string, TargetSuggestion>()
  const add = (name: string, source: TargetSuggestion['source'], reason: string): void => {
    const key = typedName(name)
    if (key === '.' || key === apex || out.has(key)) return
    out.set(key, { name: key, source, reason })
  }
  const records = (pick: (s: SuggestionSources) => RrsetObservation | undefined) => sources.flatMap((s) => pick(s)?.records ?? [])
  for (const record of records((s) => s.apexAlias)) {
    add(record.data, 'alias-record', `${displayName(apex)} has an ALIAS record (type 65401) to ${displayName(typedName(record.data))}: its DNS host says what it follows`)
  }
  for (const record of records((s) => s.apexCname)) {
    add(record.data, 'apex-cname', `the apex has a CNAME to ${displayName(typedName(record.data))} (RFC 1034 forbids one there, but it names the target)`)
  }
  for (const target of records((s) => s.apexHttps).map((record) => aliasModeTarget(record.data))) {
    if (target) add(target, 'https-alias', `the apex's HTTPS record is in AliasMode (priority 0) and points to ${displayName(target)}`)
  }
  for (const s of sources) {
    for (const record of s.wwwCname?.records ?? []) {
      add(record.data, 'www-cname', `${displayName(s.wwwCname!.name)} is a CNAME to ${displayName(typedName(record.data))}; apexes usually follow the same target`)
    }
  }
  return [...out.values()]
}

/** One line per provider, for the suggestion list and the verdict. */
export function providerLine(provider: ProviderMatch): string {
  return `NS are ${provider.name}'s (${provider.nsNames.map(displayName).join(', ')}): ${provider.note}`
}
