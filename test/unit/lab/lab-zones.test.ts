import { execFileSync } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkZone, LabZones, zoneErrorsMessage, zoneFileName } from '../../../electron/lab/lab-zones'
import { tempDir } from '../../../scripts/peers/temp-dir'

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

describe('lab zone file names for long origins', () => {
  // four labels of 63, 63, 63 and 61 octets: 255 octets on the wire, the longest name DNS allows
  const longest = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}.`
  // every octet escaped as \DDD, which the file name percent-encodes
  const escaped = `${'\\000'.repeat(63)}.${'\\001'.repeat(63)}.test.`

  it('keeps the file name (and its temporary sibling) under the file system limit, distinct and inside the folder', () => {
    const names = [longest, escaped, longest.replace('d.', 'e.')].map(zoneFileName)
    for (const name of names) {
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200)
      expect(name).toMatch(/\.zone$/)
      expect(name).not.toMatch(/[/\\\0]/)
    }
    expect(new Set(names).size).toBe(3)
    expect(zoneFileName('example.test.')).toBe('example.test.zone')
  })

  it('saves and reads back a zone whose origin is the longest possible name', async () => {
    const dir = await tempDir()
    try {
      const zones = new LabZones(dir.path)
      const text = `$ORIGIN ${longest}\n$TTL 60\n@ SOA ns.example. h.example. 1 2 3 4 5\n@ NS ns.example.\n@ A 192.0.2.1\n`
      const checked = checkZone(text)
      expect(checked.errors).toEqual([])
      const path = await zones.save(checked.zone!, text)
      expect(dirname(path)).toBe(zones.dir)
      expect((await zones.current(checked.zone!.origin)).text).toBe(text)
    } finally {
      await dir.cleanup()
    }
  })
})

describe('lab zone files that are not regular files', () => {
  it('refuses a FIFO saved as a zone at once, naming what it is', { timeout: 10_000 }, async () => {
    const dir = await tempDir()
    try {
      const zones = new LabZones(dir.path)
      await mkdir(zones.dir)
      execFileSync('mkfifo', [join(zones.dir, 'pipe.test.zone')])
      await expect(zones.current('pipe.test.')).rejects.toMatchObject({ code: 'bad-input' })
      await expect(zones.current('pipe.test.')).rejects.toThrow(/pipe\.test\.zone is a FIFO \(named pipe\); only regular files/)
    } finally {
      await dir.cleanup()
    }
  })
})
