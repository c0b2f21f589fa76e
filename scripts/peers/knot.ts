import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './ports'
import { requireTool } from './require-tool'
import { knotBaseConfig, knotDir, runKnotd } from './knot-config'
import { servesEveryZone, soaSerial } from './probe'
import { absolute, zoneFileName } from './zone-names'

const run = promisify(execFile)

export interface KnotServer {
  host: '127.0.0.1'
  /** UDP and TCP port of the authoritative server. */
  port: number
  dir: string
  /** Replaces the zone text of `origin`, reloads it and waits until the new SOA serial answers. */
  reloadZone(origin: string, zoneText: string, timeoutMs?: number): Promise<void>
  /** knotd's process id (benchmarks read its memory use). */
  pid: number
  /** knotd's output so far (for assertion messages). */
  log(): string
  /** Kills knotd and removes its folder; safe to call twice. */
  stop(): Promise<void>
}

export interface KnotOptions {
  /** Zone texts by origin, e.g. `{ 'inspect.test.': text }`. Each needs a SOA. */
  zones: Record<string, string>
  /** Knot's own UDP size limit (server udp-max-payload; default 4096 so the client's EDNS size decides). */
  udpMaxPayload?: number
  /** Milliseconds to wait for the server to answer the first zone's SOA (default 15 s). */
  startTimeoutMs?: number
  /** DNS cookies (RFC 7873, Knot's mod-cookies): a query with only a client cookie gets BADCOOKIE. */
  cookies?: boolean
  /** Signs every zone on load (Knot's automatic DNSSEC signing, default policy: ECDSA P-256). */
  dnssec?: boolean
  /** The port to listen on (default: a free one); known before the start, e.g. to time it from outside. */
  port?: number
}

function serialOf(zoneText: string): number | undefined {
  // The SOA rdata may span lines in parentheses: strip comments, join, and take the 3rd field after SOA.
  const flat = zoneText
    .split('\n')
    .map((line) => line.replace(/;.*$/, ''))
    .join(' ')
    .replace(/[()]/g, ' ')
  const match = /\sSOA\s+(\S+)\s+(\S+)\s+(\d+)/i.exec(flat)
  return match ? Number(match[3]) : undefined
}

/** Starts knotd as an authoritative server on 127.0.0.1 (free port) serving `zones`. */
export async function startKnot(options: KnotOptions): Promise<KnotServer> {
  const knotc = requireTool('knotc', 'knot')
  const origins = Object.keys(options.zones).map(absolute)
  if (origins.length === 0) throw new Error('startKnot needs at least one zone')
  const k = await knotDir('alias-inspector-knot-')
  const { dir, zonesDir, configPath } = k
  const port = options.port ?? (await freePort())
  for (const [origin, text] of Object.entries(options.zones)) {
    await writeFile(join(zonesDir, zoneFileName(origin)), text)
  }
  const socketPath = join(dir, 'knot.sock')
  await writeFile(
    configPath,
    [
      ...knotBaseConfig(dir, port, 2, [`    udp-max-payload: ${options.udpMaxPayload ?? 4096}`]),
      'control:',
      `    listen: "${socketPath}"`,
      ...(options.cookies ? ['mod-cookies:', '  - id: default', '    badcookie-slip: 1'] : []),
      'template:',
      '  - id: default',
      `    storage: "${zonesDir}"`,
      '    file: "%s.zone"',
      '    zonefile-sync: -1',
      '    zonefile-load: whole',
      '    journal-content: none',
      ...(options.dnssec ? ['    dnssec-signing: on'] : []),
      ...(options.cookies ? ['    global-module: mod-cookies/default'] : []),
      'zone:',
      ...origins.map((origin) => `  - domain: "${origin}"\n    file: "${zoneFileName(origin)}"`),
      ''
    ].join('\n')
  )
  const { daemon, stop } = await runKnotd(k, 'knotd', () => servesEveryZone(port, origins), options.startTimeoutMs)

  return {
    host: '127.0.0.1',
    port,
    dir,
    pid: daemon.child.pid!,
    log: () => daemon.output(),
    stop,
    async reloadZone(origin, zoneText, timeoutMs = 10_000) {
      const name = absolute(origin)
      if (!origins.includes(name)) throw new Error(`knot fixture does not serve ${name}`)
      const wanted = serialOf(zoneText)
      if (wanted === undefined) throw new Error(`zone text for ${name} has no SOA serial`)
      await writeFile(join(zonesDir, zoneFileName(name)), zoneText)
      try {
        await run(knotc, ['-c', configPath, '-s', socketPath, '-t', '5', 'zone-reload', name], {
          timeout: 10_000
        })
      } catch (error) {
        const e = error as { stderr?: string; stdout?: string; message: string }
        throw new Error(`knotc zone-reload ${name} failed: ${e.stderr || e.stdout || e.message}\n${daemon.output()}`)
      }
      const started = Date.now()
      let last: number | undefined
      while (Date.now() - started < timeoutMs) {
        last = await soaSerial(port, name).catch(() => undefined)
        if (last === wanted) return
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(
        `knot did not serve serial ${wanted} for ${name} within ${timeoutMs} ms (last seen ${last}):\n${daemon.output()}`
      )
    }
  }
}
