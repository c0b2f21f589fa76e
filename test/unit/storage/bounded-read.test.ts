import { execFileSync } from 'node:child_process'
import { mkdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileRefusedError, readRegularFile } from '../../../electron/storage/bounded-read'
import { removeStaleTempFiles } from '../../../electron/storage/stale-temp'
import { loadZoneFile } from '../../../electron/zone'
import { tempDirForEach } from '../../support/suite-temp-dir'

const dir = tempDirForEach('alias-inspector-read-')

describe('reading user-named files', () => {
  it('reads a regular file', async () => {
    await writeFile(join(dir.path, 'z'), 'hello')
    expect(await readRegularFile(join(dir.path, 'z'), 100)).toBe('hello')
  })

  it('refuses a FIFO at once instead of waiting for a writer', { timeout: 10_000 }, async () => {
    const fifo = join(dir.path, 'pipe.zone')
    execFileSync('mkfifo', [fifo])
    const started = Date.now()
    await expect(readRegularFile(fifo, 1000)).rejects.toThrow(/is a FIFO \(named pipe\); only regular files/)
    await expect(loadZoneFile(fifo)).rejects.toBeInstanceOf(FileRefusedError)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('refuses /dev/zero and a folder without reading them', async () => {
    await expect(readRegularFile('/dev/zero', 1000)).rejects.toThrow(/\/dev\/zero is a character device/)
    await expect(readRegularFile(dir.path, 1000)).rejects.toThrow(/is a folder/)
  })

  it('refuses a file over the cap', async () => {
    await writeFile(join(dir.path, 'big'), 'x'.repeat(101))
    await expect(readRegularFile(join(dir.path, 'big'), 100)).rejects.toThrow(/is 101 bytes; files over 100 bytes are refused/)
  })
})

describe('stale temp files', () => {
  it('removes what a dead process left and keeps what a live one is writing', async () => {
    await mkdir(join(dir.path, 'zones'))
    const dead = join(dir.path, '.resolvers.json.999999999.0123456789ab.tmp')
    const deadZone = join(dir.path, 'zones', '.a.test.zone.999999999.abcdef012345.tmp')
    const live = join(dir.path, `.lab.json.${process.pid}.0123456789ab.tmp`)
    const oldLive = join(dir.path, `.prefs.json.${process.pid}.ba9876543210.tmp`)
    const other = join(dir.path, 'notes.tmp')
    for (const f of [dead, deadZone, live, oldLive, other]) await writeFile(f, 'x')
    const hourAgo = new Date(Date.now() - 3600_000)
    await utimes(oldLive, hourAgo, hourAgo)
    const removed = await removeStaleTempFiles([dir.path, join(dir.path, 'zones'), join(dir.path, 'missing')])
    expect(removed.sort()).toEqual([dead, oldLive, deadZone].sort())
  })
})
