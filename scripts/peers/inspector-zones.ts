/** Zone texts for the inspector's integration tests. Every NS name points at 127.0.0.1. */

export function zoneHead(origin: string, serial = 1, soaTtl = 3600): string {
  return [
    `$ORIGIN ${origin}`,
    `@ ${soaTtl} IN SOA ns1.${origin} hostmaster.${origin} ${serial} 7200 900 1209600 1`,
    `@ 3600 IN NS ns1.${origin}`,
    'ns1 3600 IN A 127.0.0.1',
    ''
  ].join('\n')
}

/** target.test.: the CDN-like target `cdn` (and `edge`, a CNAME to it). */
export function targetZone(options: { serial?: number; a?: string[]; aaaa?: string[]; ttl?: number } = {}): string {
  const ttl = options.ttl ?? 300
  return (
    zoneHead('target.test.', options.serial ?? 1) +
    [
      ...(options.a ?? ['192.0.2.10', '192.0.2.11']).map((ip) => `cdn ${ttl} IN A ${ip}`),
      ...(options.aaaa ?? ['2001:db8::10']).map((ip) => `cdn ${ttl} IN AAAA ${ip}`),
      'edge 300 IN CNAME cdn.target.test.',
      ''
    ].join('\n')
  )
}

/** static.test.: an apex with its own, unrelated addresses, and a www that follows the target. */
export function staticZone(): string {
  return (
    zoneHead('static.test.') +
    ['@ 300 IN A 198.51.100.7', '@ 300 IN AAAA 2001:db8:ffff::7', 'www 300 IN CNAME cdn.target.test.', ''].join('\n')
  )
}

/** An apex zone with an ALIAS (PowerDNS syntax) to `target`, and www as a CNAME to the same. */
export function aliasApexZone(origin: string, target: string, aliasTtl = 300): string {
  return zoneHead(origin) + [`@ ${aliasTtl} IN ALIAS ${target}`, `www 300 IN CNAME ${target}`, ''].join('\n')
}
