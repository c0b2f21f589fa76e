import { readFile } from 'node:fs/promises'
import { dnsQueryRequestSchema, type DnsQueryRequest, type DnsQueryResult } from '@shared/dns'
import { describeIssues, ServiceError, UsageError } from '@shared/errors'
import { query } from '../dns'
import { digCommand, digRdata, formatDigText, formatRfc8427Json } from '../format'
import { systemResolvers } from '../resolvers'
import { applyTransport, parseQueryArgs, USAGE, type QueryCommand } from './query-args'
import { runTrace } from './query-trace'
import { EXIT_OK, runCli } from './run-cli'
import { writeOut } from './read-args'

/** Exit codes as dig uses them. */
const EXIT_NO_REPLY = 9

async function requests(cmd: QueryCommand): Promise<DnsQueryRequest[]> {
  const bases = cmd.server
    ? [cmd.server]
    : (await systemResolvers()).map((target) => ({ target, explicitPort: false }))
  if (bases.length === 0) throw new UsageError('no system resolver was found; give one with @server')
  return bases.map((base) => {
    const request = { name: cmd.name, type: cmd.type, resolver: applyTransport(cmd, base), options: cmd.options }
    const parsed = dnsQueryRequestSchema.safeParse(request)
    if (!parsed.success) throw new UsageError(describeIssues(parsed.error.issues))
    return request
  })
}

function render(cmd: QueryCommand, result: DnsQueryResult): string {
  switch (cmd.output) {
    case 'json':
      return formatRfc8427Json(result)
    case 'short':
      return result.answer.map((rr) => `${digRdata(rr)}\n`).join('')
    default:
      return formatDigText(result)
  }
}

function failureLine(request: DnsQueryRequest, error: ServiceError): string {
  const { host, port } = request.resolver
  if (error.code === 'timeout') return `;; connection timed out to ${host}#${port}: ${error.message}`
  return `;; communications error to ${host}#${port}: ${error.message}`
}

async function main(argv: string[]): Promise<number> {
  const cmd = parseQueryArgs(argv)
  if (cmd.help) return writeOut(USAGE)
  if (cmd.trace) return runTrace(cmd)
  const list = await requests(cmd)
  if (cmd.output === 'digcmd') {
    process.stdout.write(`${digCommand(list[0]!, cmd.caFile ? { caFile: cmd.caFile } : {})}\n`)
    return EXIT_OK
  }
  let ca: string | undefined
  if (cmd.caFile) {
    try {
      ca = await readFile(cmd.caFile, 'utf8')
    } catch (error) {
      throw new UsageError(`cannot read the CA file "${cmd.caFile}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
  }
  const abort = new AbortController()
  process.once('SIGINT', () => abort.abort())
  // Like dig: try each server in turn until one answers.
  for (const request of list) {
    try {
      const result = await query(request, { signal: abort.signal, ...(ca ? { ca } : {}) })
      process.stdout.write(render(cmd, result))
      return EXIT_OK
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error
      if (error.code === 'bad-input' || error.code === 'validation') throw new UsageError(error.message)
      if (error.code === 'internal') throw error
      process.stderr.write(`${failureLine(request, error)}\n`)
      if (error.code === 'cancelled') break
    }
  }
  process.stderr.write(';; no servers could be reached\n')
  return EXIT_NO_REPLY
}

runCli('query', main)
