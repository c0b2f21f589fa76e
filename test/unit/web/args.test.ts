import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseWebArgs } from '../../../electron/web/args'

afterEach(() => vi.restoreAllMocks())

describe('browser mode arguments', () => {
  it('binds loopback by default and without a warning', () => {
    const warn = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect(parseWebArgs([]).host).toBe('127.0.0.1')
    expect(parseWebArgs(['--host', 'localhost']).host).toBe('127.0.0.1')
    expect(parseWebArgs(['--host', '::1']).host).toBe('::1')
    expect(warn).not.toHaveBeenCalled()
  })

  it('warns for any other address', () => {
    const warn = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect(parseWebArgs(['--host', '0.0.0.0']).host).toBe('0.0.0.0')
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/warning: binding to 0\.0\.0\.0, not loopback/)
  })

  it('refuses an empty host, which would listen on every interface', () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect(() => parseWebArgs(['--host', ''])).toThrow(/--host/)
    expect(() => parseWebArgs(['--host=  '])).toThrow(/--host/)
  })
})
