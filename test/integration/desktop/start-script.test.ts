import { spawn } from 'node:child_process'
import { chmod, readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { delimiter, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeVersionLine } from '../../../scripts/desktop/messages.mjs'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'

const root = resolve(__dirname, '../../..')
const script = join(root, 'scripts/start-desktop.mjs')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function startScript(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

interface LogLine {
  tool: string
  args: string[]
  cwd: string
  env: Record<string, string>
}

/** A stand-in executable that records its name, arguments, folder and environment, then exits with `code`. */
async function standIn(path: string, tool: string, log: string, code = 0): Promise<void> {
  const body = [
    '#!/usr/bin/env node',
    `require('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ tool: ${JSON.stringify(tool)}, args: process.argv.slice(2), cwd: process.cwd(), env: process.env }) + '\\n')`,
    `process.exit(${code})`
  ].join('\n')
  await writeFile(path, body)
  await chmod(path, 0o755)
}

const readLog = async (log: string): Promise<LogLine[]> =>
  (await readFile(log, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine)

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+[:(]\d+/m)

describe('npm start (scripts/start-desktop.mjs) with a stand-in Electron runtime', () => {
  let dir: TempDir
  let bin: string
  let log: string
  let runtime: string
  let emptyDist: string

  beforeAll(async () => {
    dir = await tempDir('alias-inspector-start-')
    bin = join(dir.path, 'bin')
    log = join(dir.path, 'calls.jsonl')
    runtime = join(dir.path, 'electron-stand-in')
    emptyDist = join(dir.path, 'no-electron-dist')
    await import('node:fs/promises').then(({ mkdir }) => Promise.all([mkdir(bin), mkdir(emptyDist)]))
    // `electron-builder install-app-deps` downloads Electron's headers: the stand-in records that it was asked
    await standIn(join(bin, 'electron-builder'), 'electron-builder', log)
    await standIn(runtime, 'electron', log, 7)
  })
  afterAll(() => dir.cleanup())

  const stubbedPath = () => [bin, process.env.PATH].join(delimiter)

  it('rebuilds the native module for Electron first, then launches the runtime on the built app', async () => {
    await writeFile(log, '')
    const result = await startScript(['--skipBuild'], { PATH: stubbedPath(), ELECTRON_EXEC_PATH: runtime })
    const calls = await readLog(log)
    expect(calls.map((c) => c.tool)).toEqual(['electron-builder', 'electron'])
    expect(calls[0]!.args).toEqual(['install-app-deps'])
    expect(calls[0]!.cwd).toBe(root)
    // electron-vite's launch line: the project folder as the app, from the project folder
    expect(calls[1]!.args).toEqual(['.'])
    expect(calls[1]!.cwd).toBe(root)
    expect(calls[1]!.env.ELECTRON_EXEC_PATH).toBe(runtime)
    // a preview is a production run: the renderer's dev-server URL must not reach the app
    expect(calls[1]!.env.ELECTRON_RENDERER_URL).toBeUndefined()
    // the runtime's exit status is the script's
    expect(result.code).toBe(7)
    noStackTrace(result.stderr)
  })

  it('stops with a clear line, before launching, when the native rebuild fails', async () => {
    await writeFile(log, '')
    await standIn(join(bin, 'electron-builder'), 'electron-builder', log, 1)
    try {
      const result = await startScript(['--skipBuild'], { PATH: stubbedPath(), ELECTRON_EXEC_PATH: runtime })
      expect(result.code).toBe(1)
      expect((await readLog(log)).map((c) => c.tool)).toEqual(['electron-builder'])
      expect(result.stderr).toContain('Could not rebuild better-sqlite3 for Electron')
      expect(result.stderr).toContain('npm run web')
    } finally {
      await standIn(join(bin, 'electron-builder'), 'electron-builder', log)
    }
  })

  it('says in one paragraph what is missing when downloads are switched off, and starts nothing', async () => {
    await writeFile(log, '')
    const result = await startScript([], {
      PATH: stubbedPath(),
      ELECTRON_EXEC_PATH: undefined,
      ELECTRON_OVERRIDE_DIST_PATH: emptyDist,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1'
    })
    expect(result.code).toBe(1)
    expect(await readLog(log)).toEqual([])
    const lines = result.stderr.trim().split('\n')
    const oldNode = nodeVersionLine()
    // the Node version comes first, in one line, only when it is too old
    if (oldNode) expect(lines.shift()).toBe(oldNode)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('the Electron runtime is missing')
    expect(lines[0]).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set')
    expect(lines[0]).toContain('`npx --no install-electron`')
    expect(lines[0]).toContain('`npm run web` gives the same app in your browser')
    noStackTrace(result.stderr)
  })

  describe('without internet access', () => {
    let closed: Server
    let mirror: string
    beforeAll(async () => {
      // a loopback port that refuses connections stands for the unreachable download site
      closed = createServer()
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
      mirror = `http://127.0.0.1:${(closed.address() as { port: number }).port}/`
      await new Promise<void>((r) => closed.close(() => r()))
    })

    it('tries Electron\'s own installer, then explains itself without a stack trace', async () => {
      await writeFile(log, '')
      const result = await startScript([], {
        PATH: stubbedPath(),
        ELECTRON_EXEC_PATH: undefined,
        ELECTRON_OVERRIDE_DIST_PATH: emptyDist,
        ELECTRON_SKIP_BINARY_DOWNLOAD: undefined,
        ELECTRON_MIRROR: mirror,
        electron_config_cache: join(dir.path, 'cache')
      })
      expect(result.code).toBe(1)
      expect(await readLog(log)).toEqual([])
      expect(result.stdout).toContain("fetching it with Electron's own installer")
      const paragraph = result.stderr.trim().split('\n').at(-1)!
      expect(paragraph).toMatch(/the Electron runtime is missing .*fetching it failed \(.+\); this machine may have no internet access/)
      expect(paragraph).toContain('`npx --no install-electron`')
      expect(paragraph).toContain('`npm run web`')
      noStackTrace(result.stderr)
    })
  })
})
