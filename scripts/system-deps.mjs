// The Debian packages the test suite drives, each with the command that proves it is installed.
export const systemDeps = [
  { command: 'chromium', pkg: 'chromium', why: 'end-to-end tests (playwright-core drives it)' },
  { command: 'knotd', pkg: 'knot', why: 'authoritative peer for the query engine and the inspector' },
  { command: 'kdig', pkg: 'knot-dnsutils', why: 'parity reference (RFC 8427 JSON output)' },
  { command: 'dig', pkg: 'bind9-dnsutils', why: 'parity reference' },
  { command: 'nsd', pkg: 'nsd', why: 'second authoritative peer' },
  { command: 'unbound', pkg: 'unbound', why: 'recursive peer over UDP, TCP, DoT and DoH' },
  { command: 'pdns_server', pkg: 'pdns-server', why: 'a real ALIAS implementation to compare with' },
  { command: 'libbindbackend.so', pkg: 'pdns-backend-bind', why: "PowerDNS's BIND-zone-file backend" },
  { command: 'dnsperf', pkg: 'dnsperf', why: 'benchmark reference' },
  { command: 'openssl', pkg: 'openssl', why: 'test CA and certificates for DoT and DoH' },
  { command: 'ldns-signzone', pkg: 'ldnsutils', why: 'signing benchmark reference (npm run bench:dnssec)' },
  { command: 'dnssec-signzone', pkg: 'bind9-utils', why: 'signing benchmark reference (npm run bench:dnssec)' },
  { command: 'dnsviz', pkg: 'dnsviz', why: 'DNSSEC analysis of the signed ALIAS server (probe on loopback, grok with a trust anchor)' }
]
