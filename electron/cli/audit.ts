import { readFile } from 'node:fs/promises'
import type { AuditRow } from '@shared/audit'
import { AUDIT_CSV_HEADER, auditCsvLine } from '@shared/audit-format'
import { parseAuditInput, runAudit } from '../audit'
import { AUDIT_USAGE, parseAuditArgs, type AuditCommand } from './audit-args'
import { auditTextLine } from './audit-text'
import { UsageError } from '@shared/errors'
import { ProgressBar } from './progress-bar'
import { EXIT_OK, resolversOrSystem, runCli } from './run-cli'
import { writeOut } from './read-args'

const EXIT_INTERRUPTED = 130

async function readInput(input: string): Promise<string> {
  if (input !== '-') {
    try {
      return await readFile(input, 'utf8')
    } catch (error) {
      throw new UsageError(`cannot read ${input}: ${(error as Error).message}`)
    }
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function formatter(cmd: AuditCommand): { header?: string; line(row: AuditRow): string } {
  if (cmd.format === 'json') return { line: (row) => JSON.stringify(row) }
  if (cmd.format === 'csv') return { header: AUDIT_CSV_HEADER.join(','), line: auditCsvLine }
  return { line: auditTextLine }
}

async function main(argv: string[]): Promise<number> {
  const cmd = parseAuditArgs(argv)
  if (cmd.help) return writeOut(AUDIT_USAGE)
  const input = parseAuditInput(await readInput(cmd.input), cmd.input === '-' ? 'standard input' : cmd.input)
  cmd.resolvers = await resolversOrSystem(cmd.resolvers)

  const abort = new AbortController()
  const onSigint = (): void => {
    if (abort.signal.aborted) process.exit(EXIT_INTERRUPTED) // a second Ctrl-C does not wait
    abort.abort()
  }
  process.on('SIGINT', onSigint)
  const out = formatter(cmd)
  const bar = new ProgressBar(process.stderr, cmd.progress)
  if (out.header) process.stdout.write(`${out.header}\n`)
  let lastProgress: Parameters<ProgressBar['update']>[0] | undefined
  const summary = await runAudit(
    input.entries,
    {
      resolvers: cmd.resolvers,
      ...(cmd.concurrency ? { concurrency: cmd.concurrency } : {}),
      ...(cmd.rate ? { rate: cmd.rate } : {}),
      ...(cmd.targetFrom ? { targetFrom: cmd.targetFrom } : {}),
      authoritativePort: cmd.authoritativePort,
      skipAuthoritative: cmd.skipAuthoritative,
      timeoutMs: cmd.timeoutMs,
      signal: abort.signal
    },
    {
      onRow: (row) => {
        process.stdout.write(`${out.line(row)}\n`)
      },
      onProgress: (p) => {
        lastProgress = p
        bar.update(p)
      }
    }
  )
  process.off('SIGINT', onSigint)
  if (lastProgress) bar.update(lastProgress, true)
  bar.end()
  const seconds = (summary.elapsedMs / 1000).toFixed(summary.elapsedMs < 10_000 ? 2 : 1)
  if (summary.cancelled) {
    process.stderr.write(`audit: interrupted: ${summary.done} of ${summary.total} names done in ${seconds} s; those results are above\n`)
  } else {
    process.stderr.write(`audit: ${summary.done} names in ${seconds} s (${input.kind === 'zone' ? 'owner names of a zone file' : 'list'}), ${summary.errors} failed\n`)
  }
  // results go to a pipe or a file: wait until the last line is handed over before exiting
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  return summary.cancelled ? EXIT_INTERRUPTED : EXIT_OK
}

runCli('audit', main)
