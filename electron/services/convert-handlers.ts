import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { convert, ConvertError, ConvertErrors, detectFormat, lockInReport, readZone } from '../convert'
import { query } from '../dns'
import { parseResolver } from '../resolvers/parse-resolver'

const problems = (err: unknown): { line: number; column: number; message: string }[] | null => {
  if (err instanceof ConvertErrors) return err.errors.map((e) => ({ line: e.line, column: e.column, message: e.reason }))
  if (err instanceof ConvertError) return [{ line: err.line, column: err.column, message: err.reason }]
  return null
}

/** The converter for the Convert view; located problems come back as data so the view can show them in place. */
export function convertHandlers(_ctx: ServiceContext): HandlerGroup<'convert'> {
  return {
    'convert:detect': ({ text }) => detectFormat(text),
    'convert:run': async ({ text, from, to, origin, resolver }) => {
      try {
        const r = await convert(text, {
          from,
          to,
          file: 'input',
          origin: origin || undefined,
          resolver: resolver ? parseResolver(resolver) : undefined,
          query: (name, type, target) => query({ name, type, resolver: target, options: {} })
        })
        return { text: r.text, origin: r.origin, warnings: r.warnings, summary: r.summary, errors: [] }
      } catch (err) {
        const located = problems(err)
        if (!located) throw err
        return { text: '', origin: '', warnings: [], summary: [], errors: located.slice(0, 101) }
      }
    },
    'convert:report': async ({ text, from, origin }) => {
      try {
        const { zone } = await readZone(text, from, { file: 'input', origin: origin || undefined })
        return { origin: zone.origin, rows: lockInReport(zone), errors: [] }
      } catch (err) {
        const located = problems(err)
        if (!located) throw err
        return { origin: '', rows: [], errors: located.slice(0, 101) }
      }
    }
  }
}
