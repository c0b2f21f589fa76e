import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

export interface WebArgs {
  port?: number
  host: string
  dataDir: string
  /** `--open alias-inspector://inspect/…` links the page runs when it connects. */
  open: string[]
}

const loopback = new Set(['127.0.0.1', '::1', 'localhost'])

export function parseWebArgs(argv: string[]): WebArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      open: { type: 'string', multiple: true }
    },
    strict: true
  })
  let port: number | undefined
  if (values.port !== undefined) {
    port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--port: "${values.port}" is not a port number (0-65535)`)
    }
  }
  // an empty host would make the server listen on every interface
  if (values.host.trim() === '') throw new Error('--host: give an address to listen on (default 127.0.0.1)')
  const host = values.host === 'localhost' ? '127.0.0.1' : values.host
  if (!loopback.has(host)) {
    process.stderr.write(
      `warning: binding to ${host}, not loopback. Anyone who can reach it and has the URL can run DNS queries through this machine.\n`
    )
  }
  return {
    port,
    host,
    dataDir: values['data-dir'] ?? process.env.ALIAS_INSPECTOR_DATA_DIR ?? join(homedir(), '.alias-inspector'),
    open: values.open ?? []
  }
}
