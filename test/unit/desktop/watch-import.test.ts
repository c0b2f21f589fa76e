import { describe, expect, it } from 'vitest'
import { parseWatchExport } from '../../../electron/inspector/watch-import'
import { sample } from '../../support/watch-sample'

const session = {
  id: 's', apex: 'example.test', target: 'cdn.example.test', resolvers: [{ transport: 'udp', host: '127.0.0.1', port: 53 }],
  labels: ['lab'], mode: 'interval', intervalSeconds: 1, state: 'finished', startedAtWallMs: 0, sampleCount: 2
}
const text = (samples: unknown[], extra: object = {}) => JSON.stringify({ format: 'alias-inspector-watch', version: 1, session, samples, ...extra })

describe('reading a watch export', () => {
  it('takes the session and its samples', () => {
    const parsed = parseWatchExport(text([sample(0, 0, 'apex', ['192.0.2.1'], 60), sample(1, 5, 'target', ['192.0.2.1'], 60)]), 'w.json')
    expect(parsed.session.apex).toBe('example.test')
    expect(parsed.samples.map((s) => s.seq)).toEqual([0, 1])
  })
  it('takes exports written before the authoritative viewpoint as resolver samples', () => {
    const { viewpoint: _drop, ...legacy } = sample(0, 0, 'apex', ['192.0.2.1'], 60)
    expect(parseWatchExport(text([legacy]), 'old.json').samples[0]!.viewpoint).toBe('resolver')
  })

  it('refuses what is not one, saying what is wrong and where', () => {
    expect(() => parseWatchExport('{', 'w.json')).toThrow(/w.json is not valid JSON/)
    expect(() => parseWatchExport('{"format":"x"}', 'w.json')).toThrow(/not an ALIAS Inspector watch export/)
    expect(() => parseWatchExport(text([], { version: 2 }), 'w.json')).toThrow(/w.json is not a usable watch export: .*version/)
    expect(() => parseWatchExport(text([sample(0, 0, 'apex', [], 1, { resolverIndex: 3 })]), 'w.json')).toThrow(/names resolver 3, but the session has 1/)
    expect(() => parseWatchExport(text([sample(0, 0, 'apex', []), sample(0, 1, 'target', [])]), 'w.json')).toThrow(/sample number 0 appears twice/)
  })
})
