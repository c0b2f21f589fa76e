import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'

// Injected failures: the real fs, with write/fsync/rename made to fail on demand.
const fault = vi.hoisted(() => ({ partialWrite: false, syncFails: false, renameFails: false }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const eio = () => Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args)
      const writeFileOrig = handle.writeFile.bind(handle)
      const syncOrig = handle.sync.bind(handle)
      handle.writeFile = async (data: Parameters<typeof handle.writeFile>[0]) => {
        if (!fault.partialWrite) return writeFileOrig(data)
        await writeFileOrig(String(data).slice(0, 3))
        throw eio()
      }
      handle.sync = async () => {
        if (fault.syncFails) throw eio()
        return syncOrig()
      }
      return handle
    },
    rename: async (...args: Parameters<typeof fs.rename>) => {
      if (fault.renameFails) throw eio()
      return fs.rename(...args)
    }
  }
})

const { readJsonFile, writeFileAtomic } = await import('../../../electron/storage/atomic-file')

const schema = z.object({ version: z.literal(1), items: z.array(z.string()) })
const fixedNow = () => new Date('2026-01-02T03:04:05.678Z')

let dir: TempDir
beforeEach(async () => {
  dir = await tempDir('atomic-file-')
  Object.assign(fault, { partialWrite: false, syncFails: false, renameFails: false })
})
afterEach(() => dir.cleanup())

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one, leaving no temp file', async () => {
    const path = join(dir.path, 'data.json')
    await writeFileAtomic(path, 'one')
    await writeFileAtomic(path, 'two')
    expect(await readFile(path, 'utf8')).toBe('two')
    expect(await readdir(dir.path)).toEqual(['data.json'])
  })

  it.each([
    ['a write that fails halfway', 'partialWrite'],
    ['a failing fsync', 'syncFails'],
    ['a failing rename', 'renameFails']
  ] as const)('keeps the previous file intact after %s, and cleans up', async (_what, which) => {
    const path = join(dir.path, 'data.json')
    await writeFileAtomic(path, '{"version":1,"items":["kept"]}')
    fault[which] = true
    await expect(writeFileAtomic(path, '{"version":1,"items":["lost"]}')).rejects.toThrow(/EIO/)
    expect(await readFile(path, 'utf8')).toBe('{"version":1,"items":["kept"]}')
    expect(await readdir(dir.path)).toEqual(['data.json'])
  })
})

describe('readJsonFile', () => {
  it('reads and validates', async () => {
    const path = join(dir.path, 'data.json')
    await writeFile(path, JSON.stringify({ version: 1, items: ['a'] }))
    expect(await readJsonFile(path, schema)).toEqual({ status: 'ok', value: { version: 1, items: ['a'] } })
  })

  it('reports a missing file without touching anything', async () => {
    expect(await readJsonFile(join(dir.path, 'nope.json'), schema)).toEqual({ status: 'missing' })
    expect(await readdir(dir.path)).toEqual([])
  })

  it('moves a file that is not JSON aside and says why', async () => {
    const path = join(dir.path, 'data.json')
    await writeFile(path, '{"version":1,"items":["a"')
    const result = await readJsonFile(path, schema, fixedNow)
    expect(result).toMatchObject({ status: 'corrupt', movedTo: `${path}.corrupt-2026-01-02T03-04-05-678Z` })
    expect(result.status === 'corrupt' && result.reason).toMatch(/not valid JSON/)
    expect(await readdir(dir.path)).toEqual(['data.json.corrupt-2026-01-02T03-04-05-678Z'])
    expect(await readFile(`${path}.corrupt-2026-01-02T03-04-05-678Z`, 'utf8')).toBe('{"version":1,"items":["a"')
  })

  it('moves a file of the wrong shape aside, naming the field, without overwriting an earlier one', async () => {
    const path = join(dir.path, 'data.json')
    await writeFile(path, '{"version":1,"items":[1]}')
    await readJsonFile(path, schema, fixedNow)
    await writeFile(path, '{"version":2,"items":[]}')
    const second = await readJsonFile(path, schema, fixedNow)
    expect(second).toMatchObject({ status: 'corrupt', movedTo: `${path}.corrupt-2026-01-02T03-04-05-678Z-2` })
    expect(second.status === 'corrupt' && second.reason).toMatch(/expected shape \(version: /)
    expect((await readdir(dir.path)).sort()).toEqual([
      'data.json.corrupt-2026-01-02T03-04-05-678Z',
      'data.json.corrupt-2026-01-02T03-04-05-678Z-2'
    ])
  })

  it('moves an unreadable entry aside', async () => {
    const path = join(dir.path, 'data.json')
    await mkdir(path)
    const result = await readJsonFile(path, schema, fixedNow)
    expect(result).toMatchObject({ status: 'corrupt', reason: expect.stringMatching(/could not be read \(EISDIR\)/) })
    expect(await readdir(dir.path)).toEqual(['data.json.corrupt-2026-01-02T03-04-05-678Z'])
  })

  it('reports, without moving, when moving aside fails', async () => {
    const path = join(dir.path, 'data.json')
    await writeFile(path, 'garbage')
    fault.renameFails = true
    const result = await readJsonFile(path, schema, fixedNow)
    expect(result).toMatchObject({ status: 'corrupt', reason: expect.stringMatching(/moving it aside failed \(EIO\)/) })
    expect(result.status === 'corrupt' && result.movedTo).toBeUndefined()
    expect(await readFile(path, 'utf8')).toBe('garbage')
  })
})
