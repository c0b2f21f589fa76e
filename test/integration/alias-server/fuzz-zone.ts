/** The zone and simulated target the fuzz harness serves, and what the probes expect. */
export const FUZZ_ZONE = [
  '$ORIGIN fuzz.test.',
  '$TTL 300',
  '@ SOA ns1 hostmaster 1 3600 600 86400 60',
  '@ NS ns1',
  'ns1 A 127.0.0.1',
  '@ 60 ALIAS cdn.example.test.',
  'www A 192.0.2.80',
  'www AAAA 2001:db8::80',
  'mail MX 10 www',
  'txt TXT "hello" "world"',
  '*.wild A 192.0.2.81',
  'sub NS ns.sub',
  'ns.sub A 192.0.2.82',
  ''
].join('\n')

export const FUZZ_TARGET = { a: ['192.0.2.90', '192.0.2.91'], aaaa: ['2001:db8::90'], ttl: 30 }
