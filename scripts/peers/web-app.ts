import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { tempDir, type TempDir } from './temp-dir'

export interface RunningWebApp {
  url: string
  origin: string
  token: string
  port: number
  dataDir: string
  stop(): Promise<void>
}

const webEntry = resolve(__dirname, '../../out/main/web.js')

/** Starts the built browser mode (`node out/main/web.js`) on a free port with its own data folder. */
export async function startWebApp(extraArgs: string[] = []): Promise<RunningWebApp> {
  const data: TempDir = await tempDir('alias-inspector-web-')
  const child: ChildProcess = spawn(process.execPath, [webEntry, '--port', '0', '--data-dir', data.path, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start within 15 s:\n${output}`)), 15_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser mode exited with code ${code}:\n${output}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token')!,
    port: Number(parsed.port),
    dataDir: data.path,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      await data.cleanup()
    }
  }
}
