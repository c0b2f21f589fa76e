import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { startDaemon, type Daemon } from './daemon'
import { requireTool } from './require-tool'
import { tempDir, type TempDir } from './temp-dir'

/** What every knotd launched here shares: its folder (zones/, db/, knot.conf) and the server, database and log sections. */
export interface KnotDir {
  /** knotd's path (checked before the folder is made, so a missing tool leaves nothing behind). */
  knotd: string
  temp: TempDir
  dir: string
  zonesDir: string
  configPath: string
}

export async function knotDir(prefix: string): Promise<KnotDir> {
  const knotd = requireTool('knotd', 'knot')
  const temp = await tempDir(prefix)
  const dir = temp.path
  const zonesDir = join(dir, 'zones')
  await mkdir(zonesDir)
  await mkdir(join(dir, 'db'))
  return { knotd, temp, dir, zonesDir, configPath: join(dir, 'knot.conf') }
}

/** knotd on 127.0.0.1@port as root, `workers` UDP and TCP workers, logging to stderr; `server` adds server options. */
export function knotBaseConfig(dir: string, port: number, workers: number, server: string[] = []): string[] {
  return [
    'server:',
    `    rundir: "${dir}"`,
    '    user: root:root',
    `    listen: 127.0.0.1@${port}`,
    `    udp-workers: ${workers}`,
    `    tcp-workers: ${workers}`,
    '    background-workers: 1',
    ...server,
    'database:',
    `    storage: "${join(dir, 'db')}"`,
    'log:',
    '  - target: stderr',
    '    any: info'
  ]
}

/** Runs knotd on the folder's knot.conf (written first) until `probe` says it serves; stop() also removes the folder. */
export function runKnotd(
  k: KnotDir,
  name: string,
  probe: () => Promise<boolean>,
  timeoutMs?: number
): Promise<{ daemon: Daemon; stop: () => Promise<void> }> {
  return startDaemon({ name, command: k.knotd, args: ['-c', k.configPath], spawn: { removeOnExit: k.dir }, temp: k.temp, probe, timeoutMs })
}
