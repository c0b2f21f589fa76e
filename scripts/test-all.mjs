#!/usr/bin/env node
// `npm test`: system packages, typecheck, lint, then every Vitest project (unit, integration, end-to-end).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'

const run = (label, command, args) => {
  console.log(`\n=== ${label}`)
  const { status } = spawnSync(command, args, { stdio: 'inherit', shell: false })
  if (status !== 0) {
    console.error(`\n${label} failed (exit ${status}).`)
    process.exit(status ?? 1)
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
run('system packages', process.execPath, ['scripts/ensure-system-deps.mjs'])
run('native modules for Node', process.execPath, ['scripts/ensure-node-native.mjs'])
run('typecheck', npm, ['run', '-s', 'typecheck'])
run('lint', npm, ['run', '-s', 'lint'])

mkdirSync('test-results', { recursive: true })
console.log('\n=== vitest: unit, integration, e2e')
const vitest = spawnSync(
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  { stdio: 'inherit' }
)
let summary = ''
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
  summary = `${report.numPassedTests} passed, ${report.numFailedTests} failed`
  if (report.numPendingTests + report.numTodoTests > 0) summary += `, ${report.numPendingTests + report.numTodoTests} skipped`
} catch {
  summary = '0 passed, 1 failed'
}
console.log(`\nvitest: ${summary}`)
process.exit(vitest.status ?? 1)
