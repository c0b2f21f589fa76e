import { describe, expect, it } from 'vitest'
import type { ResolverEntry } from '@shared/resolvers'
import { fileSlug } from '../../../../renderer/src/model/watch/chart-format'
import { formatDuration as formatSeconds, formatElapsed } from '../../../../renderer/src/format/time'
import { mergeSamples } from '../../../../renderer/src/model/watch/merge-samples'
import { validateWatchForm, watchStartInput, type WatchFormValues } from '../../../../renderer/src/model/watch/watch-form'
import { sample } from '../../../support/watch-sample'

const valid: WatchFormValues = { apex: 'example.test', target: 'cdn.example.test.', resolverIds: ['local-udp'], mode: 'interval', interval: '1', duration: '' }

describe('validateWatchForm', () => {
  it('accepts a complete form', () => expect(validateWatchForm(valid)).toEqual({}))

  it('names each problem', () => {
    const errors = validateWatchForm({ ...valid, apex: ' ', target: 'not a name', resolverIds: [], interval: '0.5', duration: 'x' })
    expect(Object.keys(errors).sort()).toEqual(['apex', 'duration', 'interval', 'resolvers', 'target'])
    expect(validateWatchForm({ ...valid, interval: '0' }).interval).toMatch(/at least 1/)
  })
})

describe('watchStartInput', () => {
  it('looks resolvers up by id and leaves the duration out when empty', () => {
    const entry: ResolverEntry = { id: 'local-udp', label: 'L', group: 'local', builtIn: true, available: true, target: { transport: 'udp', host: '127.0.0.1', port: 5353 } }
    expect(watchStartInput({ ...valid, interval: '5' }, [entry])).toEqual({
      apex: 'example.test',
      target: 'cdn.example.test.',
      resolvers: [entry.target],
      mode: 'interval',
      intervalSeconds: 5
    })
    expect(watchStartInput({ ...valid, duration: '60' }, [entry]).durationSeconds).toBe(60)
  })
})

describe('mergeSamples', () => {
  const a = [sample(0, 0, 'apex', []), sample(1, 0, 'target', [])]
  it('appends newer samples and drops duplicates', () => {
    const out = mergeSamples(a, [sample(2, 1, 'apex', []), sample(1, 0, 'target', []), sample(2, 1, 'apex', [])])
    expect(out.map((s) => s.seq)).toEqual([0, 1, 2])
  })
  it('returns the same array when nothing is new', () => {
    expect(mergeSamples(a, [])).toBe(a)
    expect(mergeSamples(a, [sample(0, 0, 'apex', [])])).toBe(a)
  })
  it('fills gaps in seq order', () => {
    const out = mergeSamples([sample(0, 0, 'apex', []), sample(2, 0, 'apex', [])], [sample(1, 0, 'apex', [])])
    expect(out.map((s) => s.seq)).toEqual([0, 1, 2])
  })
})

describe('formatting', () => {
  it('formats elapsed time and seconds', () => {
    expect(formatElapsed(0)).toBe('0:00')
    expect(formatElapsed(75)).toBe('1:15')
    expect(formatElapsed(3725)).toBe('1:02:05')
    expect(formatSeconds(undefined)).toBe('—')
    expect(formatSeconds(12_345)).toBe('12.3 s')
    expect(fileSlug('Example.TEST.')).toBe('example.test')
    expect(fileSlug('a b/c')).toBe('a-b-c')
  })
})
