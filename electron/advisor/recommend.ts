/**
 * The advisor's rules, as a pure function of what was found (table-tested for every profile ×
 * signed × geo). Order of preference, first usable wins:
 * 1. the provider's ALIAS, when it has one, it can point at the target, it does not break the
 *    zone's DNSSEC, and it does not cost locality (the target does not vary, or ECS is forwarded);
 * 2. HTTPS AliasMode with A/AAAA fallback, when the ALIAS is usable but costs locality: clients that
 *    follow AliasMode resolve the target themselves, the rest get the ALIAS's answer;
 * 3. flattening with a re-flatten schedule, when there is no usable ALIAS and the target does not vary;
 * 4. a redirect to www (where a CNAME keeps the CDN's locality), otherwise.
 */
import type { AdviceFacts, AdviceOption, Advice, Recommendation, Risk } from '@shared/advisor'
import { aliasRefusal, profileById } from '../providers'

/** How often a flattening job should re-resolve the target: its TTL, never under a minute. */
const reflattenSeconds = (targetTtl: number): number => Math.max(60, targetTtl)

function servedApexTtl(rule: string, apexTtl: number, targetTtl: number): number {
  if (rule === 'passthrough') return targetTtl
  if (rule === 'record') return apexTtl
  if (rule.startsWith('constant:')) return Number(rule.slice('constant:'.length))
  return Math.min(apexTtl, targetTtl)
}

const penaltyOf = (f: AdviceFacts): number => (f.geo.varies && f.geo.asked > 0 ? f.geo.apart / f.geo.asked : 0)

function aliasBlocker(f: AdviceFacts): string | null {
  if (!f.profile) return f.flattening === 'none' ? `${f.provider ?? 'the DNS host'} has no ALIAS or flattening` : 'the DNS host is not one of the profiles, so its ALIAS cannot be judged'
  const p = profileById(f.profile)
  const refusal = aliasRefusal(f.profile, f.apex, f.apex, f.target)
  if (refusal) return refusal
  if (f.signed && p.dnssec.value === 'not-with-alias') return `${p.name} does not offer its alias in a DNSSEC-signed zone`
  if (f.signed && p.dnssec.value === 'unsigned-alias-answers') return `${p.name} answers ALIAS unsigned: validating resolvers would reject the apex of this signed zone`
  return null
}

function aliasRisk(f: AdviceFacts): Risk {
  const p = f.profile ? profileById(f.profile) : null
  const rule = p ? String(p.ttl.value) : 'min'
  const served = servedApexTtl(rule, f.apexTtl, f.targetTtl)
  const forwards = p?.ecs.value.forward ?? false
  const penalty = forwards ? 0 : penaltyOf(f)
  return {
    stalenessBoundSeconds: f.targetTtl + served,
    stalenessFormula: `target TTL ${f.targetTtl} s + apex TTL served ${served} s (${rule}) = ${f.targetTtl + served} s`,
    localityPenalty: penalty,
    locality: !f.geo.varies
      ? 'none seen: the target gave the same answer for every subnet asked'
      : forwards
        ? `none expected: ${p!.name} forwards ECS (/${p!.ecs.value.ipv4Prefix ?? 24}, /${p!.ecs.value.ipv6Prefix ?? 56}), if the CDN honours it from the provider`
        : `${f.geo.apart} of ${f.geo.asked} subnets asked get another node at the apex than the target gives them: the CDN sees the ALIAS server, not the user`,
    dnssec: !f.signed ? 'zone unsigned: nothing to break' : p?.dnssec.value === 'signed-on-the-fly' ? 'answers signed on the fly: validates' : p?.dnssec.value === 'unknown' ? 'unknown for this provider: check with delv before relying on it' : 'breaks validation (see why)'
  }
}

function option(f: AdviceFacts, technique: Recommendation): AdviceOption {
  const blocker = aliasBlocker(f)
  const alias = aliasRisk(f)
  const penalty = penaltyOf(f)
  switch (technique) {
    case 'provider-alias':
      return { technique, usable: blocker === null, why: blocker ?? `${f.profile ? profileById(f.profile).name : 'the provider'} resolves ${f.target} at query time and answers A/AAAA at the apex`, risk: alias }
    case 'https-aliasmode':
      return {
        technique,
        usable: blocker === null,
        why: `@ HTTPS 0 ${f.target} beside the ALIAS: clients that follow AliasMode resolve the target themselves (its own TTL, its own locality); the rest use the A/AAAA fallback${blocker ? `, which here cannot come from an ALIAS (${blocker})` : ''}`,
        risk: {
          ...alias,
          stalenessFormula: `AliasMode clients: none added (they follow the target's TTL); fallback: ${alias.stalenessFormula}`,
          locality: `AliasMode clients: none; fallback clients: ${alias.locality}`,
          dnssec: f.signed ? `the HTTPS record is signed with the zone; fallback: ${alias.dnssec}` : alias.dnssec
        }
      }
    case 'flatten': {
      const every = reflattenSeconds(f.targetTtl)
      return {
        technique,
        usable: true,
        why: `plain A/AAAA at the apex, rewritten by a job that resolves ${f.target} every ${every} s`,
        risk: {
          stalenessBoundSeconds: every + f.apexTtl,
          stalenessFormula: `re-flatten period ${every} s + apex TTL ${f.apexTtl} s = ${every + f.apexTtl} s`,
          localityPenalty: penalty,
          locality: f.geo.varies ? `every user gets the node chosen for the flattening job's location (${f.geo.apart} of ${f.geo.asked} subnets asked differ)` : 'none seen',
          dnssec: f.signed ? 'ordinary records: signed with the zone, validate' : 'zone unsigned: nothing to break'
        }
      }
    }
    case 'www-redirect':
      return {
        technique,
        usable: true,
        why: `www CNAME ${f.target}; the apex keeps a few A/AAAA of a redirecting web server (HTTP 301 to https://www.${f.apex.replace(/\.$/, '')}/)`,
        risk: {
          stalenessBoundSeconds: f.targetTtl,
          stalenessFormula: `www follows the target through resolvers: target TTL ${f.targetTtl} s, nothing added`,
          localityPenalty: 0,
          locality: 'none on www (the resolver asks the CDN); one extra HTTP round trip for users who type the bare apex',
          dnssec: f.signed ? 'CNAME signed with the zone; the target is validated in its own zone' : 'zone unsigned: nothing to break'
        }
      }
  }
}

export function recommend(f: AdviceFacts): Advice {
  const aliasUsable = aliasBlocker(f) === null
  const costsLocality = aliasUsable && aliasRisk(f).localityPenalty > 0
  const recommendation: Recommendation = aliasUsable ? (costsLocality ? 'https-aliasmode' : 'provider-alias') : f.geo.varies ? 'www-redirect' : 'flatten'
  const records = Object.entries(f.apexRecords)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${type} ×${n}`)
  const reasons = [
    `DNS host: ${f.provider ?? 'not recognised from its NS names'}${f.profile ? `; profile ${f.profile}` : ''}; aliasing: ${f.flattening}`,
    `zone ${f.signed ? 'signed (DNSKEY at the apex)' : 'not signed'}`,
    f.geo.varies ? `${f.target} answers differently by client subnet (${f.geo.asked} asked)` : `${f.target} gave the same answer for every subnet asked`,
    `at the apex: SOA, NS${records.length > 0 ? `, ${records.join(', ')}` : ''}: a CNAME cannot stand beside them (RFC 1034 §3.6.2, RFC 2181 §10.1)`,
    ...(aliasUsable ? [] : [`no usable ALIAS: ${aliasBlocker(f)}`]),
    ...(costsLocality ? ['the ALIAS works but sends far-away users to the node nearest the ALIAS server'] : [])
  ]
  const order: Recommendation[] = [recommendation, ...(['provider-alias', 'https-aliasmode', 'flatten', 'www-redirect'] as const).filter((t) => t !== recommendation)]
  const options = order.map((t) => option(f, t))
  const chosen = options[0]!
  const summary = `Recommended: ${recommendation}. ${chosen.why}. Staleness up to ${chosen.risk.stalenessBoundSeconds} s; locality: ${chosen.risk.locality}; DNSSEC: ${chosen.risk.dnssec}.`
  return { facts: f, recommendation, summary, reasons, options }
}
