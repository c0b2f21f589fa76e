import { describe, expect, it } from 'vitest'
import { parseAliasServerArgs } from '../../../electron/cli/alias-server-args'

describe('alias-server DNSSEC and transfer flags', () => {
  it('are off and raw by default', () => {
    const cmd = parseAliasServerArgs([])
    expect(cmd.dnssec).toBeNull()
    expect(cmd.transfer).toEqual({ mode: 'raw', allow: [], notify: [] })
  })

  it('take --dnssec with key dir, algorithm and denial', () => {
    const cmd = parseAliasServerArgs(['--dnssec', '--key-dir', '/tmp/k', '--algorithm', 'ed25519', '--denial=nsec3'])
    expect(cmd.dnssec).toEqual({ keyDir: '/tmp/k', algorithm: 'ed25519', denial: 'nsec3' })
    expect(parseAliasServerArgs(['--dnssec']).dnssec).toEqual({ keyDir: 'dnssec-keys', algorithm: 'ecdsap256sha256', denial: 'nsec' })
  })

  it('reject DNSSEC options without --dnssec and unknown values', () => {
    expect(() => parseAliasServerArgs(['--denial', 'nsec3'])).toThrow('--denial needs --dnssec')
    expect(() => parseAliasServerArgs(['--dnssec', '--algorithm', 'rsasha1'])).toThrow('--algorithm is one of ecdsap256sha256, ed25519, not "rsasha1"')
  })

  it('take --axfr, --axfr-allow and repeatable --notify', () => {
    const cmd = parseAliasServerArgs(['--axfr', 'expanded', '--axfr-allow', '192.0.2.1', '--axfr-allow', 'any', '--notify', '127.0.0.1:5300', '--notify', '[::1]:5301'])
    expect(cmd.transfer).toEqual({ mode: 'expanded', allow: ['192.0.2.1', 'any'], notify: [{ host: '127.0.0.1', port: 5300 }, { host: '::1', port: 5301 }] })
    expect(() => parseAliasServerArgs(['--axfr', 'signed'])).toThrow('--axfr is one of raw, expanded')
    expect(() => parseAliasServerArgs(['--notify', 'localhost:53'])).toThrow('--notify needs IP:PORT')
    expect(() => parseAliasServerArgs(['--axfr-allow', 'example.com'])).toThrow("--axfr-allow needs an IP address or 'any'")
  })
})
