import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { requireTool } from '../../../scripts/peers/require-tool'

const run = promisify(execFile)

/**
 * Debian bookworm's dnsviz 0.9.4 asks for `pygraphviz.release`, which its python3-pygraphviz 1.7 no
 * longer has ("pygraphviz is required, but not installed"); this stand-in module carries the version.
 */
const SHIM = [
  'import runpy, sys, types',
  'import pygraphviz',
  "release = types.ModuleType('pygraphviz.release')",
  'release.version = pygraphviz.__version__',
  'pygraphviz.release = release',
  "sys.modules['pygraphviz.release'] = release",
  "sys.argv = ['dnsviz'] + sys.argv[1:]",
  "runpy.run_path(sys.argv.pop(1), run_name='__main__')"
].join('\n')

async function dnsviz(args: string[], input?: string): Promise<string> {
  const bin = requireTool('dnsviz', 'dnsviz')
  // the interpreter of dnsviz's own #! line, whose dist-packages hold its modules
  const child = run('/usr/bin/python3', ['-c', SHIM, bin, ...args], { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 })
  if (input !== undefined) child.child.stdin?.end(input)
  const { stdout } = await child
  return stdout
}

export interface GrokFinding {
  path: string
  kind: 'errors' | 'warnings'
  detail: string
}

/** Probes `zone` at 127.0.0.1:port only (no ancestors), then grok with the zone's key as trust anchor. */
export async function dnsvizCheck(zone: string, port: number, keyFile: string): Promise<{ report: unknown; findings: GrokFinding[]; statuses: string[] }> {
  const name = zone.replace(/\.$/, '')
  const probe = await dnsviz(['probe', '-A', '-x', `${name}+:ns1.${name}=127.0.0.1:${port}`, name])
  const report: unknown = JSON.parse(await dnsviz(['grok', '-t', keyFile], probe))
  const findings: GrokFinding[] = []
  const statuses: string[] = []
  const walk = (o: unknown, path: string): void => {
    if (Array.isArray(o)) o.forEach((v, i) => walk(v, `${path}/${i}`))
    else if (o && typeof o === 'object') {
      for (const [k, v] of Object.entries(o)) {
        if (k === 'errors' || k === 'warnings') findings.push({ path, kind: k, detail: JSON.stringify(v).slice(0, 300) })
        else if (k === 'status' && typeof v === 'string') statuses.push(`${path}: ${v}`)
        else walk(v, `${path}/${k}`)
      }
    }
  }
  walk(report, '')
  return { report, findings, statuses }
}
