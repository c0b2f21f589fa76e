import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LabFileStore } from '../../../electron/lab/lab-file'
import { tempDir } from '../../../scripts/peers/temp-dir'

describe('lab.json', () => {
  it('reads a file written before the lab kept its sets, rotation and running state: those start empty', async () => {
    const dir = await tempDir('alias-inspector-labfile-')
    try {
      await writeFile(join(dir.path, 'lab.json'), JSON.stringify({ version: 1, settings: { ttlPolicy: 'fixed' }, upstreamMode: 'simulated', port: 5353 }))
      const { file, warning } = await new LabFileStore(dir.path).load()
      expect(warning).toBeUndefined()
      expect(file).toMatchObject({ settings: { ttlPolicy: 'fixed' }, port: 5353, running: false, sets: null, serving: null, rotation: null })
    } finally {
      await dir.cleanup()
    }
  })

  it('keeps sets, serving set, rotation and running state through a save and a load', async () => {
    const dir = await tempDir('alias-inspector-labfile-')
    try {
      const store = new LabFileStore(dir.path)
      const { file } = await store.load()
      const next = {
        ...file,
        running: true,
        sets: [{ a: ['192.0.2.1'], aaaa: [] }, { a: [], aaaa: ['2001:db8::2'] }],
        serving: 1,
        rotation: { everySeconds: 5, sets: [{ a: ['192.0.2.1'], aaaa: [], ttl: 10 }] },
        target: { a: [], aaaa: ['2001:db8::2'], ttl: 10 }
      }
      await store.save(next)
      expect((await new LabFileStore(dir.path).load()).file).toEqual(next)
      // a bad address in the file: the file is moved aside, the damaged field takes its default and every
      // field that still validates is kept (issue 16: a damaged store costs at most the damaged records)
      await writeFile(store.path, JSON.stringify({ ...next, sets: [{ a: ['192.0.2.300'], aaaa: [] }] }))
      const bad = await new LabFileStore(dir.path).load()
      expect(bad.warning).toMatch(/could not be used: .*; it was moved to .*lab\.json\.corrupt-.*recovered: .*running/)
      expect(bad.file.sets).toBeNull()
      expect(bad.file).toMatchObject({ running: true, serving: 1, rotation: next.rotation, target: next.target })
    } finally {
      await dir.cleanup()
    }
  })

  it('reads the upstream resolver of a file written when lab:start took text: as a ResolverTarget, saved so', async () => {
    const dir = await tempDir('alias-inspector-labfile-')
    try {
      const old = { version: 1, upstreamMode: 'recursive', upstreamResolver: '[::1]:5353', port: 5300 }
      await writeFile(join(dir.path, 'lab.json'), JSON.stringify(old))
      const store = new LabFileStore(dir.path)
      const { file, warning } = await store.load()
      expect(warning).toBeUndefined()
      expect(file).toMatchObject({ upstreamMode: 'recursive', upstreamResolver: { transport: 'udp', host: '::1', port: 5353 }, port: 5300 })
      await store.save(file)
      expect((await new LabFileStore(dir.path).load()).file.upstreamResolver).toEqual(file.upstreamResolver)
      // text that no longer reads as a resolver: no resolver (a start then asks for one), the rest kept
      await writeFile(store.path, JSON.stringify({ ...old, upstreamResolver: 'not a resolver' }))
      const unreadable = await new LabFileStore(dir.path).load()
      expect(unreadable.warning).toBeUndefined()
      expect(unreadable.file).toMatchObject({ upstreamMode: 'recursive', upstreamResolver: null, port: 5300 })
    } finally {
      await dir.cleanup()
    }
  })
})
