import * as fs from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadZoneFile, MAX_ZONE_FILE_BYTES, saveZoneFile, type SaveFs } from '../../../electron/zone'
import { tempDirForEach } from '../../support/suite-temp-dir'
import { zoneWith } from './zone-test-helpers'

const dir = tempDirForEach('zone-io-')

const OLD = zoneWith('old A 192.0.2.1\n')
const NEW = zoneWith('new A 192.0.2.2\n')

/** The real fs with one step replaced by a failure. */
function failing(step: 'write' | 'sync' | 'rename' | 'open'): SaveFs {
  const boom = (): never => {
    throw Object.assign(new Error(`injected ${step} failure`), { code: 'EIO' })
  }
  return {
    stat: fs.stat,
    unlink: fs.unlink,
    rename: step === 'rename' ? async () => boom() : fs.rename,
    open: (async (path: string, flags?: string, mode?: number) => {
      if (step === 'open') boom()
      const handle = await fs.open(path, flags, mode)
      if (step === 'write') handle.writeFile = async () => boom()
      if (step === 'sync') handle.sync = async () => boom()
      return handle
    }) as SaveFs['open']
  }
}

describe('saveZoneFile', () => {
  it('creates a new file', async () => {
    const path = join(dir.path, 'new.zone')
    await saveZoneFile(path, NEW)
    expect(await fs.readFile(path, 'utf8')).toBe(NEW)
    expect(await fs.readdir(dir.path)).toEqual(['new.zone'])
  })

  it('replaces an existing file and keeps its permissions', async () => {
    const path = join(dir.path, 'z.zone')
    await fs.writeFile(path, OLD, { mode: 0o600 })
    await saveZoneFile(path, NEW)
    expect(await fs.readFile(path, 'utf8')).toBe(NEW)
    expect((await fs.stat(path)).mode & 0o777).toBe(0o600)
    expect(await fs.readdir(dir.path)).toEqual(['z.zone'])
  })

  it.each(['write', 'sync', 'rename', 'open'] as const)('leaves the old file intact and no temp file when %s fails', async (step) => {
    const path = join(dir.path, 'z.zone')
    await fs.writeFile(path, OLD)
    await expect(saveZoneFile(path, NEW, failing(step))).rejects.toThrow(`injected ${step} failure`)
    expect(await fs.readFile(path, 'utf8')).toBe(OLD)
    expect(await fs.readdir(dir.path)).toEqual(['z.zone'])
  })

  it('fails without touching anything when the directory does not exist', async () => {
    await expect(saveZoneFile(join(dir.path, 'missing', 'z.zone'), NEW)).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await fs.readdir(dir.path)).toEqual([])
  })
})

describe('loadZoneFile', () => {
  it('reads and parses a file', async () => {
    const path = join(dir.path, 'z.zone')
    await saveZoneFile(path, NEW)
    const loaded = await loadZoneFile(path)
    expect(loaded.text).toBe(NEW)
    expect(loaded.errors).toEqual([])
    expect(loaded.zone?.records.at(-1)).toMatchObject({ name: 'new.example.test.', rdata: ['192.0.2.2'] })
  })

  it('returns parse errors with positions', async () => {
    const path = join(dir.path, 'bad.zone')
    await fs.writeFile(path, zoneWith('www 300x A 192.0.2.1'))
    const loaded = await loadZoneFile(path)
    expect(loaded.zone).toBeUndefined()
    expect(loaded.errors.map((e) => [e.line, e.column])).toEqual([[5, 5]])
  })

  it('refuses files over the size cap', async () => {
    const path = join(dir.path, 'huge.zone')
    await fs.writeFile(path, '')
    await fs.truncate(path, MAX_ZONE_FILE_BYTES + 1)
    await expect(loadZoneFile(path)).rejects.toThrow('are refused')
  })
})
