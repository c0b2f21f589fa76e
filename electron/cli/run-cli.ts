import type { ResolverTarget } from '@shared/dns'
import { ServiceError, UsageError } from '@shared/errors'
import { systemResolvers } from '../resolvers'

export const EXIT_OK = 0
export const EXIT_USAGE = 1
export const EXIT_INTERNAL = 10

/** The resolvers given on the command line, else the system's; a usage error when there are none. */
export async function resolversOrSystem(given: ResolverTarget[]): Promise<ResolverTarget[]> {
  const resolvers = given.length > 0 ? given : await systemResolvers()
  if (resolvers.length === 0) throw new UsageError('no system resolver was found; give one with --resolver')
  return resolvers
}

/**
 * Runs a command's `main` on the process arguments and sets the exit code from what it returns or throws:
 * a usage error or bad input is EXIT_USAGE (followed by `usage` after a usage error, where given), another
 * service failure `serviceFailure` where given, anything else an internal error.
 */
export function runCli(name: string, main: (argv: string[]) => Promise<number>, options: { usage?: string; serviceFailure?: number } = {}): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      if (error instanceof UsageError || (error instanceof ServiceError && error.code === 'bad-input')) {
        process.stderr.write(`${name}: ${error.message}\n${error instanceof UsageError && options.usage ? `${options.usage}\n` : ''}`)
        process.exitCode = EXIT_USAGE
        return
      }
      if (options.serviceFailure !== undefined && error instanceof ServiceError && error.code !== 'internal') {
        process.stderr.write(`${name}: ${error.message}\n`)
        process.exitCode = options.serviceFailure
        return
      }
      process.stderr.write(`${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = EXIT_INTERNAL
    }
  )
}
