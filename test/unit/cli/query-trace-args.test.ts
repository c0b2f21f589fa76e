import { describe, expect, it } from 'vitest'
import { parseQueryArgs } from '../../../electron/cli/query-args'

describe('query +trace arguments', () => {
  it('takes +trace with @server, or --root HOST:PORT', () => {
    const a = parseQueryArgs(['+trace', '@127.53.0.1', '-p', '5300', 'example.test'])
    expect([a.trace, a.server?.target.host, a.port, a.name, a.type]).toEqual([true, '127.53.0.1', 5300, 'example.test', 'A'])
    const b = parseQueryArgs(['example.test', 'AAAA', '+trace', '--root', '127.53.0.1:5300'])
    expect([b.trace, b.root?.target.host, b.root?.target.port, b.type]).toEqual([true, '127.53.0.1', 5300, 'AAAA'])
  })

  it('refuses --root without +trace, both roots, and outputs or transports +trace does not have', () => {
    expect(() => parseQueryArgs(['--root', '127.53.0.1', 'a.test'])).toThrow('--root is for +trace')
    expect(() => parseQueryArgs(['+trace', '@127.0.0.1', '--root', '127.53.0.1', 'a.test'])).toThrow('either as @server or as --root')
    expect(() => parseQueryArgs(['+trace', '+json', 'a.test'])).toThrow('+trace prints text only')
    expect(() => parseQueryArgs(['+trace', '+tcp', 'a.test'])).toThrow('+trace asks every server over UDP')
  })
})
