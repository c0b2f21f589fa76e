import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { join } from 'node:path'
import { freePort } from '../ports'
import { requireTool } from '../require-tool'
import { tempDir } from '../temp-dir'
import { readLog, spawnDaemon, startDaemon } from './daemon'
import { probeUdp } from './probe'
import { absolute } from './zone-names'

const run = promisify(execFile)

export interface UnboundStub {
  /** Zone delegated to a local server, e.g. 'inspect.test.'. */
  zone: string
  /** Port of that server. */
  port: number
  /** Its loopback address (default 127.0.0.1); a stub for '.' replaces the dead loopback root. */
  host?: string
}

export interface UnboundOptions {
  stubs: UnboundStub[]
  /** Server certificate and key: enables DoT (tls-port) and DoH (https-port, /dns-query, HTTP/2). */
  tls?: { certPath: string; keyPath: string }
  /** DNSKEY or DS records in presentation form: turns the validator on with these as trust anchors. */
  trustAnchors?: string[]
  /** Milliseconds to wait until unbound resolves the first stub zone's SOA (default 15 s). */
  startTimeoutMs?: number
  /** Enables remote control on a unix socket in the server's folder, for `flush`. */
  control?: boolean
}

export interface UnboundServer {
  host: '127.0.0.1'
  /** Plain DNS, UDP and TCP. */
  port: number
  /** DNS over TLS (only with `tls`). */
  dotPort?: number
  /** DNS over HTTPS (only with `tls`); the endpoint is `dohUrl`. */
  dohPort?: number
  /** e.g. https://127.0.0.1:PORT/dns-query (only with `tls`). */
  dohUrl?: string
  dir: string
  /** Unbound's log so far. */
  log(): Promise<string>
  /** Kills unbound and removes its folder; safe to call twice. */
  stop(): Promise<void>
  /** `unbound-control flush NAME`: drops that name's records from the cache (only with `control`). */
  flush(name: string): Promise<void>
}

/**
 * Starts unbound as a recursive resolver on 127.0.0.1 whose only sources are the given local
 * stub servers. Nothing leaves loopback: outgoing-interface is 127.0.0.1, IPv6 is off, the root hints
 * list a single loopback "root", and the root itself is a stub zone pointing at a free loopback port
 * where nobody listens — a name outside the stubs fails (SERVFAIL) without traffic beyond 127.0.0.1.
 */
export async function startUnbound(options: UnboundOptions): Promise<UnboundServer> {
  const unbound = requireTool('unbound', 'unbound')
  if (options.stubs.length === 0) throw new Error('startUnbound needs at least one stub zone')
  const temp = await tempDir('alias-inspector-unbound-')
  const dir = temp.path
  const port = await freePort()
  const dotPort = options.tls ? await freePort() : undefined
  const dohPort = options.tls ? await freePort() : undefined
  // the root is "delegated" to a loopback port nobody listens on, so even a name outside the stubs
  // never leads unbound anywhere but 127.0.0.1 (it ends in SERVFAIL)
  const deadRootPort = await freePort()
  const logPath = join(dir, 'unbound.log')
  const hintsPath = join(dir, 'root.hints')
  await writeFile(
    hintsPath,
    ['.                        3600000      NS    loopback-root.', 'loopback-root.           3600000      A     127.0.0.1', ''].join('\n')
  )
  const hasRootStub = options.stubs.some((stub) => absolute(stub.zone) === '.')
  const interfaces = [port, dotPort, dohPort].filter((p): p is number => p !== undefined)
  const lines = [
    'server:',
    '    verbosity: 1',
    `    directory: "${dir}"`,
    '    chroot: ""',
    '    username: ""',
    `    pidfile: "${join(dir, 'unbound.pid')}"`,
    '    use-syslog: no',
    `    logfile: "${logPath}"`,
    '    log-time-ascii: yes',
    '    do-daemonize: no',
    '    num-threads: 1',
    '    so-reuseport: no',
    '    interface-automatic: no',
    ...interfaces.map((p) => `    interface: 127.0.0.1@${p}`),
    `    port: ${port}`,
    '    do-ip4: yes',
    '    do-ip6: no',
    '    do-udp: yes',
    '    do-tcp: yes',
    '    outgoing-interface: 127.0.0.1',
    '    outgoing-range: 64',
    '    access-control: 127.0.0.0/8 allow',
    options.trustAnchors ? '    module-config: "validator iterator"' : '    module-config: "iterator"',
    ...(options.trustAnchors ?? []).map((anchor) => `    trust-anchor: "${anchor}"`),
    '    do-not-query-localhost: no',
    // a stub for '.' takes the hints' place (unbound reads stubs first and ignores a second '.')
    ...(hasRootStub ? [] : [`    root-hints: "${hintsPath}"`]),
    '    qname-minimisation: no',
    '    prefetch: no',
    '    minimal-responses: yes',
    '    harden-referral-path: no',
    '    edns-buffer-size: 1232',
    '    auto-trust-anchor-file: ""',
    '    trust-anchor-signaling: no',
    '    root-key-sentinel: no',
    // 'test.' is one of unbound's default local zones (RFC 6761): let the stubs answer for it
    '    local-zone: "test." nodefault',
    '    local-zone: "localhost." nodefault',
    ...(options.tls && dotPort && dohPort
      ? [
          `    tls-port: ${dotPort}`,
          `    https-port: ${dohPort}`,
          `    tls-service-key: "${options.tls.keyPath}"`,
          `    tls-service-pem: "${options.tls.certPath}"`,
          '    http-endpoint: "/dns-query"',
          '    http-notls-downstream: no'
        ]
      : []),
    'remote-control:',
    ...(options.control ? ['    control-enable: yes', `    control-interface: "${join(dir, 'unbound.ctl')}"`, '    control-use-cert: no'] : ['    control-enable: no']),
    ...(hasRootStub ? [] : ['stub-zone:', '    name: "."', `    stub-addr: 127.0.0.1@${deadRootPort}`]),
    ...options.stubs.flatMap((stub) => [
      'stub-zone:',
      `    name: "${absolute(stub.zone)}"`,
      `    stub-addr: ${stub.host ?? '127.0.0.1'}@${stub.port}`,
      '    stub-first: no'
    ]),
    ''
  ]
  const configPath = join(dir, 'unbound.conf')
  await writeFile(configPath, lines.join('\n'))

  const checkconf = requireTool('unbound-checkconf', 'unbound')
  const check = spawnDaemon(checkconf, [configPath])
  await new Promise<void>((resolve) => check.child.once('close', () => resolve()))
  if (check.exited()?.code !== 0) {
    await temp.cleanup()
    throw new Error(`unbound-checkconf rejected the generated config:\n${check.output()}\n${lines.join('\n')}`)
  }

  const firstZone = absolute(options.stubs[0]!.zone)
  const { daemon, stop } = await startDaemon({
    name: 'unbound',
    command: unbound,
    args: ['-d', '-c', configPath],
    spawn: { removeOnExit: dir },
    temp,
    probe: async () => {
      const packet = await probeUdp(port, firstZone, 'SOA')
      return packet.rcodeCode === 0 && (packet.answers?.length ?? 0) > 0
    },
    describe: async (d) => `${d.output()}\n${await readLog(logPath)}`,
    timeoutMs: options.startTimeoutMs
  })
  return {
    host: '127.0.0.1',
    port,
    dotPort,
    dohPort,
    dohUrl: dohPort ? `https://127.0.0.1:${dohPort}/dns-query` : undefined,
    dir,
    log: async () => `${daemon.output()}\n${await readLog(logPath)}`,
    stop,
    async flush(name) {
      if (!options.control) throw new Error('startUnbound: flush needs { control: true }')
      const control = requireTool('unbound-control', 'unbound')
      await run(control, ['-c', configPath, 'flush', name], { timeout: 10_000 })
    }
  }
}
