import { describe, expect, it } from 'vitest'
import { parseAuditArgs } from '../../../electron/cli/audit-args'
import { parseInspectArgs } from '../../../electron/cli/inspect-args'

describe('parseAuditArgs', () => {
  it('reads the documented flags', () => {
    const cmd = parseAuditArgs(['apexes.txt', '--resolver', '127.0.0.1:5300', '--resolver', 'tls://127.0.0.1:853', '--concurrency', '16', '--rate', '200', '--json', '--target-from', 'https'])
    expect(cmd).toMatchObject({ input: 'apexes.txt', concurrency: 16, rate: 200, format: 'json', targetFrom: 'https' })
    expect(cmd.resolvers.map((r) => [r.transport, r.host, r.port])).toEqual([
      ['udp', '127.0.0.1', 5300],
      ['dot', '127.0.0.1', 853]
    ])
  })

  it('takes - for standard input and CSV', () => {
    expect(parseAuditArgs(['-', '--csv'])).toMatchObject({ input: '-', format: 'csv' })
  })

  it('says what is wrong with a flag', () => {
    expect(() => parseAuditArgs(['a.txt', '--json', '--csv'])).toThrow('--json and --csv exclude each other')
    expect(() => parseAuditArgs(['a.txt', '--target-from', 'ns'])).toThrow('--target-from is one of www, https, none')
    expect(() => parseAuditArgs(['a.txt', '--concurrency', '0'])).toThrow('--concurrency 0 is out of range (1-1000)')
    expect(() => parseAuditArgs([])).toThrow(/name a file of apexes/)
  })

  it('reads a flag value once (inspect --policy too)', () => {
    expect(parseAuditArgs(['a.txt', '--target-from', 'none']).targetFrom).toBe('none')
    expect(parseInspectArgs(['a.test', '--policy', 'passthrough']).policy).toBe('passthrough')
  })
})
