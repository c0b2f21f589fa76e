import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { requireTool } from '../../../scripts/peers/require-tool'

const run = promisify(execFile)

/** A delv trust-anchors file from a `.key` file the server wrote (`zone IN DNSKEY flags 3 alg key`). */
export async function delvAnchors(keyFile: string, dir: string): Promise<string> {
  const [zone, , , flags, protocol, algorithm, key] = (await readFile(keyFile, 'utf8')).trim().split(/\s+/)
  const path = join(dir, `anchors-${algorithm}.conf`)
  await writeFile(path, `trust-anchors { ${zone} static-key ${flags} ${protocol} ${algorithm} "${key}"; };\n`)
  return path
}

/** BIND's delv against 127.0.0.1:port with the zone's own key as the only trust anchor. */
export async function delv(port: number, anchors: string, zone: string, name: string, type: string): Promise<string> {
  const bin = requireTool('delv', 'bind9-dnsutils')
  const { stdout, stderr } = await run(bin, ['@127.0.0.1', '-p', String(port), '-a', anchors, `+root=${zone.replace(/\.$/, '')}`, name, type], { timeout: 15_000 }).catch(
    (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' })
  )
  return `${stdout}${stderr}`
}
