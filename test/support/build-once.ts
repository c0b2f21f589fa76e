import { build } from 'electron-vite'
import { resolve } from 'node:path'

/** Vitest globalSetup: builds main, preload and renderer once, so tests run against what users run. */
export default async function setup(): Promise<void> {
  if (process.env.ALIAS_INSPECTOR_SKIP_BUILD === '1') return
  await build({ configFile: resolve(__dirname, '../../electron.vite.config.ts'), logLevel: 'warn' })
}
