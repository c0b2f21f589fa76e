import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { jsonStore } from '../../../electron/storage/json-store'
import { salvageRecords } from '../../../electron/storage/salvage'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'

// Moving aside fails on demand (root ignores folder permissions, so a real fault is injected).
const fault = vi.hoisted(() => ({ renameFails: false }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...fs,
    rename: async (...args: Parameters<typeof fs.rename>) => {
      if (fault.renameFails && String(args[1]).includes('.corrupt-')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })
      return fs.rename(...args)
    }
  }
})

const itemSchema = z.object({ id: z.string(), n: z.number() })
const schema = z.object({ version: z.literal(1), items: z.array(itemSchema) })
type File = z.output<typeof schema>

let dir: TempDir
beforeEach(async () => {
  dir = await tempDir('json-store-')
})
afterEach(() => {
  fault.renameFails = false
  return dir.cleanup()
})

const storeIn = (path: string) =>
  jsonStore({
    path,
    schema,
    name: 'things.json',
    empty: (): File => ({ version: 1, items: [] }),
    salvage: (text) => {
      const { items, dropped } = salvageRecords(text, 'items', itemSchema, (i) => i.id)
      return { value: { version: 1 as const, items }, kept: items.length > 0, summary: `${items.length} kept, ${dropped} dropped` }
    }
  })

describe('jsonStore', () => {
  it('reads a missing file as empty and writes pretty JSON atomically, leaving no temp file', async () => {
    const path = join(dir.path, 'sub', 'things.json')
    const store = storeIn(path)
    expect(await store.load()).toEqual({ status: 'missing', value: { version: 1, items: [] }, writable: true })
    await store.write({ version: 1, items: [{ id: 'a', n: 1 }] })
    expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify({ version: 1, items: [{ id: 'a', n: 1 }] }, null, 2)}\n`)
    expect(await readdir(join(dir.path, 'sub'))).toEqual(['things.json'])
    expect((await storeIn(path).load()).status).toBe('ok')
  })

  it('moves a damaged file aside, salvages the records that still validate and writes them back', async () => {
    const path = join(dir.path, 'things.json')
    await writeFile(path, '{"version":1,"items":[{"id":"a","n":1},{"id":"b","n":"x"},{"id":"c","n":3},{"id":"d"')
    const loaded = await storeIn(path).load()
    if (loaded.status !== 'salvaged') throw new Error(`expected salvaged, got ${loaded.status}`)
    expect(loaded.value.items.map((i) => i.id)).toEqual(['a', 'c'])
    expect(loaded.summary).toBe('2 kept, 1 dropped')
    expect(loaded.movedTo).toMatch(/things\.json\.corrupt-\d{4}-/)
    expect(await readFile(loaded.movedTo, 'utf8')).toContain('"id":"d"')
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ version: 1, items: [{ id: 'a', n: 1 }, { id: 'c', n: 3 }] })
  })

  it('runs updates one at a time so none is lost, each on top of the last', async () => {
    const path = join(dir.path, 'things.json')
    const store = storeIn(path)
    const writes = Array.from({ length: 20 }, (_, n) => store.update((file) => ({ ...file, items: [...file.items, { id: `i${n}`, n }] })))
    await Promise.all(writes)
    const saved = schema.parse(JSON.parse(await readFile(path, 'utf8')))
    expect(saved.items.map((i) => i.n)).toEqual(Array.from({ length: 20 }, (_, n) => n))
    expect((await store.state()).value.items).toHaveLength(20)
  })

  it('writes queued with write() land in the order handed in', async () => {
    const path = join(dir.path, 'things.json')
    const store = storeIn(path)
    await Promise.all(Array.from({ length: 10 }, (_, n) => store.write({ version: 1, items: [{ id: 'last', n }] })))
    expect(JSON.parse(await readFile(path, 'utf8')).items[0].n).toBe(9)
  })

  it('never overwrites a damaged file it could not move aside', async () => {
    const path = join(dir.path, 'things.json')
    await writeFile(path, '{broken')
    fault.renameFails = true
    const store = storeIn(path)
    expect((await store.state()).status).toBe('stuck')
    await expect(store.update((file) => file)).rejects.toThrow(`things.json is unreadable and could not be moved aside; fix or remove ${path} first`)
    expect(await readFile(path, 'utf8')).toBe('{broken')
  })
})
