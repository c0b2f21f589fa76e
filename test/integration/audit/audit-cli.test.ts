import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMisbehavingServer, type MisbehavingServer } from '../../../scripts/peers/misbehaving-server'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'

const root = resolve(__dirname, '../../..')

interface Running {
  lines: string[]
  stderr: () => string
  firstLines(n: number): Promise<void>
  exited: Promise<number | null>
  interrupt(): void
}

/** `npm run audit -- …` without npm (and without tsx's own wrapper process, so SIGINT reaches the command). */
function audit(args: string[], stdin?: string): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/audit.ts', ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
    stdio: ['pipe', 'pipe', 'pipe']
  })
  const lines: string[] = []
  let partial = ''
  let err = ''
  const waiters: Array<{ n: number; done: () => void }> = []
  child.stdout.on('data', (chunk: Buffer) => {
    partial += chunk.toString()
    const parts = partial.split('\n')
    partial = parts.pop()!
    lines.push(...parts)
    for (const w of waiters.filter((w) => lines.length >= w.n)) w.done()
  })
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  child.stdin.end(stdin ?? '')
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
  return {
    lines,
    stderr: () => err,
    firstLines: (n) => (lines.length >= n ? Promise.resolve() : new Promise((done) => waiters.push({ n, done }))),
    exited,
    interrupt: () => child.kill('SIGINT')
  }
}

let server: MisbehavingServer
let temp: TempDir
const SLOW_FROM = 4
const TOTAL = 40

beforeAll(async () => {
  temp = await tempDir('alias-inspector-audit-cli-')
  // names n0..n3 answer at once; later ones take far longer than the test waits
  server = await startMisbehavingServer((q) => {
    const index = Number(/^n(\d+)\./i.exec(q.name)?.[1] ?? 0)
    return index >= SLOW_FROM ? { kind: 'delay', ms: 20_000 } : { kind: 'answer' }
  })
})

afterAll(async () => {
  await server?.stop()
  await temp?.cleanup()
})

describe('npm run audit', () => {
  it('streams NDJSON rows as they finish, and Ctrl-C keeps them', async () => {
    const file = join(temp.path, 'apexes.txt')
    await writeFile(file, Array.from({ length: TOTAL }, (_, i) => `n${i}.audit.test`).join('\n'))
    const run = audit([file, '--resolver', `127.0.0.1:${server.port}`, '--json', '--no-authoritative', '--concurrency', '8', '--timeout', '30000'])
    await run.firstLines(SLOW_FROM)
    // the fast rows are out while the slow names still run: results stream
    expect(run.lines).toHaveLength(SLOW_FROM)
    run.interrupt()
    const code = await run.exited
    expect(code).toBe(130)
    const rows = run.lines.filter((l) => l.trim()).map((l) => JSON.parse(l) as { name: string; verdict: string; index: number })
    expect(rows.map((r) => r.name).sort()).toEqual(Array.from({ length: SLOW_FROM }, (_, i) => `n${i}.audit.test.`))
    for (const row of rows) expect(typeof row.verdict).toBe('string')
    expect(run.stderr()).toMatch(/interrupted: 4 of 40 names done/)
  })

  it('reads standard input, writes CSV with a header, and shows progress on stderr', async () => {
    const run = audit(['-', '--resolver', `127.0.0.1:${server.port}`, '--csv', '--no-authoritative', '--target-from', 'none'], 'n0.audit.test\nn1.audit.test 192.0.2.1.example\n')
    expect(await run.exited).toBe(0)
    const lines = run.lines.filter((l) => l.trim())
    expect(lines[0]).toMatch(/^name,verdict,target,/)
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['n0.audit.test.', 'n1.audit.test.'])
    expect(run.stderr()).toMatch(/2\/2 names, [\d.]+\/s/)
    expect(run.stderr()).toMatch(/audit: 2 names in/)
  })

  it('names the line and column of bad input and exits 1', async () => {
    const run = audit(['-', '--json'], 'good.test\nbad..test\n')
    expect(await run.exited).toBe(1)
    expect(run.stderr()).toMatch(/standard input: line 2, column 1: "bad\.\.test" is not a valid name/)
    expect(run.lines.filter((l) => l.trim())).toEqual([])
  })
})
