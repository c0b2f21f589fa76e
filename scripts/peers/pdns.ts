import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freePort } from './ports'
import { requireTool } from './require-tool'
import { tempDir } from './temp-dir'
import { startDaemon } from './daemon'
import { servesEveryZone } from './probe'
import { absolute, zoneFileName } from './zone-names'

export interface PowerDnsOptions {
  /** Zone texts by origin, e.g. `{ 'example.test.': text }`. Each needs a SOA. */
  zones: Record<string, string>
  /**
   * 'host:port' of a local resolver (Unbound or Knot on 127.0.0.1) through which PowerDNS resolves
   * ALIAS targets. Required: without it PowerDNS would fall back to /etc/resolv.conf.
   */
  resolver: string
  /** `expand-alias` (default true): PowerDNS answers ALIAS owners with the target's addresses. */
  expandAlias?: boolean
  /** Extra pdns.conf settings (e.g. `{ 'receiver-threads': '1' }` for benchmarks). */
  settings?: Record<string, string>
  /** Milliseconds to wait for every zone's SOA to answer (default 15 s). */
  startTimeoutMs?: number
}

export interface PowerDnsServer {
  host: '127.0.0.1'
  /** UDP and TCP port. */
  port: number
  dir: string
  /** PowerDNS's output so far. */
  log(): string
  /** Kills pdns_server and removes its folder; safe to call twice. */
  stop(): Promise<void>
}

/**
 * Starts PowerDNS Authoritative (bind backend) in the foreground on 127.0.0.1 (free port) serving
 * `zones`. Nothing leaves loopback: the resolver is the given local one and the security poll is off.
 */
export async function startPowerDns(options: PowerDnsOptions): Promise<PowerDnsServer> {
  const pdns = requireTool('pdns_server', 'pdns-server')
  requireTool('pdns_control', 'pdns-server')
  const origins = Object.keys(options.zones).map(absolute)
  if (origins.length === 0) throw new Error('startPowerDns needs at least one zone')
  if (!/^(127\.\d+\.\d+\.\d+|\[?::1\]?)(:\d+)?$/.test(options.resolver)) {
    throw new Error(`startPowerDns: resolver must be a loopback address, got "${options.resolver}"`)
  }
  const temp = await tempDir('alias-inspector-pdns-')
  const dir = temp.path
  const port = await freePort()
  const zoneLines: string[] = []
  for (const [origin, text] of Object.entries(options.zones)) {
    const file = join(dir, zoneFileName(origin))
    await writeFile(file, text)
    zoneLines.push(`zone "${absolute(origin)}" { type master; file "${file}"; };`)
  }
  const namedConf = join(dir, 'named.conf')
  await writeFile(namedConf, `${zoneLines.join('\n')}\n`)
  const settings: Record<string, string> = {
    launch: 'bind',
    'bind-config': namedConf,
    'local-address': '127.0.0.1',
    'local-port': String(port),
    'expand-alias': options.expandAlias === false ? 'no' : 'yes',
    resolver: options.resolver,
    // the security poll would query secpoll.powerdns.com through the resolver: never
    'security-poll-suffix': '',
    'disable-syslog': 'yes',
    'write-pid': 'no',
    'log-dns-queries': 'no',
    loglevel: '4',
    ...options.settings
  }
  // pdns_server reads <config-dir>/pdns.conf; the same settings also go on the command line
  await writeFile(join(dir, 'pdns.conf'), Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n') + '\n')
  const args = [
    '--daemon=no',
    '--guardian=no',
    `--socket-dir=${dir}`,
    `--config-dir=${dir}`,
    ...Object.entries(settings).map(([k, v]) => `--${k}=${v}`)
  ]
  const { daemon, stop } = await startDaemon({
    name: 'pdns_server',
    command: pdns,
    args,
    spawn: { cwd: dir },
    temp,
    probe: () => servesEveryZone(port, origins),
    describe: async (d) => `${d.output()}\n(command: ${pdns} ${args.join(' ')})`,
    timeoutMs: options.startTimeoutMs
  })
  return { host: '127.0.0.1', port, dir, log: () => daemon.output(), stop }
}
