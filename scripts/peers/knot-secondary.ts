import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freePort } from './ports'
import { requireTool } from './require-tool'
import { tempDir } from './temp-dir'
import { startDaemon } from './daemon'
import { soaSerial } from './probe'
import { absolute } from './zone-names'

export interface KnotSecondary {
  port: number
  /** The serial knotd serves now (undefined while it has no copy of the zone). */
  serial(): Promise<number | undefined>
  log(): string
  stop(): Promise<void>
}

/**
 * knotd as a secondary of `zone`, transferring from 127.0.0.1:primaryPort (AXFR first, then IXFR
 * as Knot chooses) and accepting NOTIFY from 127.0.0.1. Resolves once it serves the zone.
 */
export async function startKnotSecondary(zone: string, primaryPort: number, options: { port?: number; startTimeoutMs?: number } = {}): Promise<KnotSecondary> {
  const knotd = requireTool('knotd', 'knot')
  const origin = absolute(zone)
  const temp = await tempDir('alias-inspector-knot-secondary-')
  const dir = temp.path
  const port = options.port ?? (await freePort())
  await mkdir(join(dir, 'zones'))
  await mkdir(join(dir, 'db'))
  const configPath = join(dir, 'knot.conf')
  await writeFile(
    configPath,
    [
      'server:',
      `    rundir: "${dir}"`,
      '    user: root:root',
      `    listen: 127.0.0.1@${port}`,
      '    udp-workers: 1',
      '    tcp-workers: 1',
      '    background-workers: 1',
      'database:',
      `    storage: "${join(dir, 'db')}"`,
      'log:',
      '  - target: stderr',
      '    any: info',
      'remote:',
      '  - id: primary',
      `    address: 127.0.0.1@${primaryPort}`,
      'acl:',
      '  - id: notify-from-primary',
      '    address: 127.0.0.1',
      '    action: notify',
      'template:',
      '  - id: default',
      `    storage: "${join(dir, 'zones')}"`,
      '    zonefile-sync: -1',
      '    zonefile-load: none',
      '    journal-content: none',
      'zone:',
      `  - domain: "${origin}"`,
      '    master: primary',
      '    acl: notify-from-primary',
      ''
    ].join('\n')
  )
  const { daemon, stop } = await startDaemon({
    name: 'knotd (secondary)',
    command: knotd,
    args: ['-c', configPath],
    spawn: { removeOnExit: dir },
    temp,
    probe: async () => (await soaSerial(port, origin)) !== undefined,
    timeoutMs: options.startTimeoutMs ?? 20_000
  })
  return { port, serial: () => soaSerial(port, origin), log: () => daemon.output(), stop }
}
