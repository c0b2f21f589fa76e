import { writeFile } from 'node:fs/promises'
import { freePort } from './ports'
import { knotBaseConfig, knotDir, runKnotd } from './knot-config'
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
  const origin = absolute(zone)
  const k = await knotDir('alias-inspector-knot-secondary-')
  const { dir, zonesDir, configPath } = k
  const port = options.port ?? (await freePort())
  await writeFile(
    configPath,
    [
      ...knotBaseConfig(dir, port, 1),
      'remote:',
      '  - id: primary',
      `    address: 127.0.0.1@${primaryPort}`,
      'acl:',
      '  - id: notify-from-primary',
      '    address: 127.0.0.1',
      '    action: notify',
      'template:',
      '  - id: default',
      `    storage: "${zonesDir}"`,
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
  const { daemon, stop } = await runKnotd(k, 'knotd (secondary)', async () => (await soaSerial(port, origin)) !== undefined, options.startTimeoutMs ?? 20_000)
  return { port, serial: () => soaSerial(port, origin), log: () => daemon.output(), stop }
}
