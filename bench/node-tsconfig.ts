import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

/**
 * tsx resolves '@shared/*' only with tsconfig.node.json (the root tsconfig.json has no paths): a
 * benchmark started without it re-runs itself once under it; under it, `main` runs.
 */
export function runUnderNodeTsconfig(main: () => Promise<void>): void {
  if (!process.env.TSX_TSCONFIG_PATH) {
    const result = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve(__dirname, '..', 'tsconfig.node.json') }
    })
    process.exit(result.status ?? 1)
  }
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
