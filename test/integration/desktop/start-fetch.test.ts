import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmod, copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { delimiter, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { zipFiles } from '../../support/zip'

const root = resolve(__dirname, '../../..')
const electronDir = join(root, 'node_modules/electron')
const version = (JSON.parse(await readFile(join(electronDir, 'package.json'), 'utf8')) as { version: string }).version
const artifact = `electron-v${version}-${process.platform}-${process.arch}.zip`

/** A stand-in that records its name, arguments and ELECTRON_EXEC_PATH, and runs `then` if given. */
const recorder = (tool: string, log: string, then = '') =>
  [
    '#!/usr/bin/env node',
    `const fs = require('node:fs')`,
    `fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ tool: ${JSON.stringify(tool)}, args: process.argv.slice(2), exec: process.env.ELECTRON_EXEC_PATH }) + '\\n')`,
    then
  ].join('\n')

describe('npm start on a fresh install: the runtime fetched through Electron\'s own installer, then started', () => {
  let dir: TempDir
  let project: string
  let mirror: Server
  let mirrorUrl: string
  const requested: string[] = []

  beforeAll(async () => {
    dir = await tempDir('alias-inspector-fresh-')
    project = join(dir.path, 'project')
    // a copy of the project's start script over a fresh copy of the electron package (no runtime yet); its
    // download library comes from the real install
    await mkdir(join(project, 'scripts/desktop'), { recursive: true })
    await mkdir(join(project, 'node_modules/electron'), { recursive: true })
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'fresh', main: './out/main/index.js' }))
    for (const file of ['start-desktop.mjs', 'desktop/messages.mjs', 'desktop/runtime.mjs']) {
      await copyFile(join(root, 'scripts', file), join(project, 'scripts', file))
    }
    for (const file of ['index.js', 'install.js', 'package.json', 'checksums.json', 'cli.js']) {
      await copyFile(join(electronDir, file), join(project, 'node_modules/electron', file))
    }
    await symlink(join(root, 'node_modules/@electron'), join(project, 'node_modules/@electron'))
    await symlink(join(root, 'node_modules/@electron-internal'), join(project, 'node_modules/@electron-internal'))

    const log = join(dir.path, 'calls.jsonl')
    const runtime = recorder('electron', log, 'process.exit(0)')
    const zip = zipFiles([{ name: 'electron', data: Buffer.from(runtime), mode: 0o755 }])
    const sum = createHash('sha256').update(zip).digest('hex')
    // the download site, on loopback: the zip and its checksum, as Electron's releases publish them
    mirror = createServer((request, response) => {
      requested.push(request.url ?? '')
      if (request.url === `/v${version}/${artifact}`) return response.end(zip)
      if (request.url === `/v${version}/SHASUMS256.txt`) return response.end(`${sum} *${artifact}\n`)
      response.statusCode = 404
      response.end()
    })
    await new Promise<void>((r) => mirror.listen(0, '127.0.0.1', r))
    mirrorUrl = `http://127.0.0.1:${(mirror.address() as { port: number }).port}/`

    const bin = join(dir.path, 'bin')
    await mkdir(bin)
    await writeFile(join(bin, 'electron-builder'), recorder('electron-builder', log))
    // electron-vite's part, reduced to what it does with the runtime: start it on the app folder
    await writeFile(
      join(bin, 'electron-vite'),
      recorder('electron-vite', log, `require('node:child_process').spawnSync(process.env.ELECTRON_EXEC_PATH, ['.'], { stdio: 'inherit' })`)
    )
    await chmod(join(bin, 'electron-builder'), 0o755)
    await chmod(join(bin, 'electron-vite'), 0o755)
  })
  afterAll(async () => {
    await new Promise((r) => mirror?.close(r))
    await dir?.cleanup()
  })

  it('downloads, extracts and starts it, rebuilding the native module first', async () => {
    const log = join(dir.path, 'calls.jsonl')
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: [join(dir.path, 'bin'), process.env.PATH].join(delimiter),
      ELECTRON_MIRROR: mirrorUrl,
      electron_use_remote_checksums: '1',
      electron_config_cache: join(dir.path, 'cache')
    }
    delete env.ELECTRON_EXEC_PATH
    delete env.ELECTRON_OVERRIDE_DIST_PATH
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [join(project, 'scripts/start-desktop.mjs')], { cwd: project, env })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c) => (stdout += c))
      child.stderr.on('data', (c) => (stderr += c))
      child.on('close', (code) => done({ code, stdout, stderr }))
    })
    expect(result.stderr).not.toContain('cannot start')
    expect(result.code).toBe(0)
    expect(requested).toContain(`/v${version}/${artifact}`)
    // what Electron's installer leaves behind, and what electron-vite looks for
    expect(await readFile(join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron')
    const runtime = join(project, 'node_modules/electron/dist/electron')
    const calls = (await readFile(log, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { tool: string; args: string[]; exec?: string })
    expect(calls.map((c) => c.tool)).toEqual(['electron-builder', 'electron-vite', 'electron'])
    expect(calls[0]!.args).toEqual(['install-app-deps'])
    expect(calls[1]!.args).toEqual(['preview'])
    expect(calls[1]!.exec).toBe(runtime)
    expect(calls[2]!.args).toEqual(['.'])
  })
})
