import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pkg from '../../package.json'
import { createServices, linkCommand } from '../services'
import { parseWebArgs } from './args'
import { startWebServer } from './server'

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2))
  mkdirSync(args.dataDir, { recursive: true })
  const services = createServices({
    appName: pkg.productName,
    appVersion: pkg.version,
    host: 'browser',
    dataDir: args.dataDir
  })
  // the page takes these when it connects, as the desktop window takes a link it was started with
  for (const link of args.open) services.commands.push(linkCommand(link))
  const server = await startWebServer({
    services,
    rendererDir: join(__dirname, '../renderer'),
    port: args.port,
    host: args.host
  })
  process.stdout.write(`ALIAS Inspector (browser mode) is ready: ${server.url}\n`)
  const stop = async () => {
    await server.close()
    await services.dispose()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`alias-inspector web: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
