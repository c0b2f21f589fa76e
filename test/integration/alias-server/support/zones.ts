import { parseZone, type Zone } from '../../../../electron/zone'

/** Parses zone text for the ALIAS server; throws with the parser's messages. */
export function zoneOf(text: string, origin?: string): Zone {
  const { zone, errors } = parseZone(text, origin ? { origin } : {})
  if (!zone || errors.length > 0) throw new Error(`bad test zone:\n${errors.map((e) => e.message).join('\n')}`)
  return zone
}

/** A SOA + NS head for `origin` with the given SOA TTL and MINIMUM (negative TTL = min of both). */
export function zoneHead(origin: string, soaTtl = 3600, minimum = 120, serial = 1): string {
  return [
    `$ORIGIN ${origin}`,
    '$TTL 300',
    `@ ${soaTtl} IN SOA ns1.${origin} hostmaster.${origin} ${serial} 3600 600 86400 ${minimum}`,
    `@ 3600 IN NS ns1.${origin}`,
    `ns1 3600 IN A 127.0.0.1`,
    ''
  ].join('\n')
}
