import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDispatch } from '../../../electron/api/dispatch'
import { EventBus } from '@shared/event-bus'
import type { Handlers } from '../../../electron/api/handlers'
import type { LearnProgress } from '@shared/learn'
import { createLearnStore, LEARN_FILE } from '../../../electron/learn'
import { learnHandlers } from '../../../electron/services/learn-handlers'
import { tempDirForEach } from '../../support/suite-temp-dir'

describe('the Learn progress store (learn.json)', () => {
  const dir = tempDirForEach('alias-inspector-learn-')

  it('keeps a prediction, then the result, across a new store; reset forgets them', async () => {
    let clock = 1000
    const store = createLearnStore(dir.path, () => clock)
    expect((await store.progress()).experiments).toEqual({})
    await store.save({ id: 'staleness', startedAt: 900 })
    await store.save({ id: 'staleness', prediction: 'within-ttl', state: 'in-progress' })
    clock = 2000
    await store.save({ id: 'staleness', state: 'done', observed: '5.0 s after the change', outcome: 'within-ttl' })
    const reopened = createLearnStore(dir.path)
    expect((await reopened.progress()).experiments.staleness).toEqual({
      state: 'done',
      prediction: 'within-ttl',
      observed: '5.0 s after the change',
      outcome: 'within-ttl',
      startedAt: 900,
      updatedAt: 2000
    })
    const reset = await reopened.save({ id: 'staleness', reset: true, startedAt: 3000 })
    expect(reset.experiments.staleness).toMatchObject({ state: 'new', prediction: null, observed: null, startedAt: 3000 })
    expect(JSON.parse(await readFile(join(dir.path, LEARN_FILE), 'utf8')).version).toBe(1)
  })

  it('moves a corrupt file aside and says so', async () => {
    await writeFile(join(dir.path, LEARN_FILE), '{"version": 1, "experiments": {"x": 3}')
    const store = createLearnStore(dir.path)
    const progress = await store.progress()
    expect(progress.experiments).toEqual({})
    expect(progress.warnings[0]).toMatch(/learn\.json could not be used: it is not valid JSON/)
    expect((await readdir(dir.path)).some((f) => f.startsWith(`${LEARN_FILE}.corrupt-`))).toBe(true)
  })

  it('validates what crosses the boundary: ids, states and unknown fields', async () => {
    const dispatch = createDispatch(learnHandlers({ appName: 't', appVersion: '0', host: 'browser', dataDir: dir.path, events: new EventBus() }) as Handlers)
    const badId = await dispatch('learn:save', { id: '../etc', state: 'done' })
    expect(badId.ok).toBe(false)
    expect(badId.ok ? '' : badId.error.code).toBe('validation')
    expect((await dispatch('learn:save', { id: 'staleness', state: 'finished' })).ok).toBe(false)
    expect((await dispatch('learn:save', { id: 'staleness', script: 'x' })).ok).toBe(false)
    const ok = await dispatch('learn:save', { id: 'staleness', prediction: 'immediate' })
    expect(ok.ok && (ok.value as LearnProgress).experiments.staleness?.prediction).toBe('immediate')
  })

  it('remembers teacher mode: off in a file written before it existed, then as set, across a reopen', async () => {
    await writeFile(join(dir.path, LEARN_FILE), JSON.stringify({ version: 1, experiments: {} }))
    expect((await createLearnStore(dir.path).progress()).teacher).toBe(false)
    const store = createLearnStore(dir.path)
    expect((await store.setTeacher(true)).teacher).toBe(true)
    await store.save({ id: 'staleness', prediction: 'immediate' })
    const reopened = await createLearnStore(dir.path).progress()
    expect(reopened.teacher).toBe(true)
    expect(reopened.experiments.staleness?.prediction).toBe('immediate')
    const dispatch = createDispatch(learnHandlers({ appName: 't', appVersion: '0', host: 'browser', dataDir: dir.path, events: new EventBus() }) as Handlers)
    expect((await dispatch('learn:setTeacher', { enabled: 'yes' })).ok).toBe(false)
    const off = await dispatch('learn:setTeacher', { enabled: false })
    expect(off.ok && (off.value as LearnProgress).teacher).toBe(false)
  })
})
