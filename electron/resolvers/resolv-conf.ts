import { isIP } from 'node:net'

/**
 * The `nameserver` addresses of a resolv.conf, in order: IPv4, IPv6 and scoped IPv6 (`fe80::1%en0`).
 * Comments (`#`, `;`) and other keywords are skipped, as are values that are not IP addresses.
 */
export function parseResolvConf(text: string): string[] {
  const servers: string[] = []
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/[#;].*$/, '').trim()
    const m = /^nameserver\s+(\S+)/.exec(line)
    if (!m) continue
    // Some tools write the address in brackets; glibc does not, but tolerating them costs nothing.
    const address = m[1]!.replace(/^\[(.*)\]$/, '$1')
    if (isIP(address) !== 0 && !servers.includes(address)) servers.push(address)
  }
  return servers
}
