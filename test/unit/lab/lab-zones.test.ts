import { describe, expect, it } from 'vitest'
import { checkZone, zoneErrorsMessage, zoneFileName } from '../../../electron/lab/lab-zones'

describe('lab zone files', () => {
  it('names a zone file after its origin, never outside the zones folder', () => {
    expect(zoneFileName('example.test.')).toBe('example.test.zone')
    expect(zoneFileName('Example.TEST.')).toBe('example.test.zone')
    expect(zoneFileName('.')).toBe('root.zone')
    expect(zoneFileName('a/b\\..test.')).toBe('a%2fb%5c..test.zone')
    expect(zoneFileName('\\.hidden.test.')).toBe('%5c.hidden.test.zone')
    for (const name of ['../x.', 'a/../../b.', '..']) expect(zoneFileName(name)).not.toMatch(/[/\\]/)
  })

  it('reports every error with its line and column, in the form the editor reads back', () => {
    const checked = checkZone('$ORIGIN a.test.\n@ SOA ns h 1 2 3 4 5\n@ NS ns\n@ CNAME b.test.\nx A 999.1.1.1\n')
    expect(checked.zone).toBeUndefined()
    expect(checked.errors.map((e) => [e.line, e.column])).toEqual(expect.arrayContaining([[4, 1], [5, 5]]))
    const message = zoneErrorsMessage(checked.errors)
    expect(message).toMatch(/^The zone has \d+ errors and was not saved: line \d+, column \d+: /)
    expect(message).toContain('line 4, column 1: ')
  })

  it('accepts the zone the server can compile, and refuses one without a SOA', () => {
    expect(checkZone('$ORIGIN a.test.\n$TTL 60\n@ SOA ns h 1 2 3 4 5\n@ NS ns\n@ ALIAS cdn.b.test.\n').errors).toEqual([])
    expect(checkZone('$ORIGIN a.test.\n$TTL 60\nwww A 192.0.2.1\n').errors.length).toBeGreaterThan(0)
  })
})
