import { describe, expect, it } from 'vitest'
import { labAuthoritativeServers, labTtlRule } from '../../../electron/lab/lab-authoritative'

const running = {
  running: true,
  host: '127.0.0.1',
  port: 5300,
  zone: { origin: 'example.test.', demo: true },
  target: { name: 'cdn.example.test.' } as never
}
const lab = { transport: 'udp', host: '127.0.0.1', port: 5300, label: 'local ALIAS lab' }

describe('labAuthoritativeServers', () => {
  it("is the running lab for its zone and its simulated target (which has no NS to find it by)", () => {
    expect(labAuthoritativeServers(running, 'example.test', 'cdn.example.test.')).toEqual({ apex: [lab], target: [lab] })
    expect(labAuthoritativeServers(running, 'WWW.Example.Test.', 'cdn.other.test')).toEqual({ apex: [lab] })
  })

  it('is nothing for other names, or while the lab is stopped', () => {
    expect(labAuthoritativeServers(running, 'example.com', 'cdn.example.net')).toEqual({})
    expect(labAuthoritativeServers(running, 'notexample.test', 'x.test')).toEqual({})
    expect(labAuthoritativeServers({ ...running, running: false }, 'example.test', 'cdn.example.test')).toEqual({})
    expect(labAuthoritativeServers(undefined, 'example.test', 'cdn.example.test')).toEqual({})
  })
})

describe('labTtlRule', () => {
  const settings = { ttlPolicy: 'constant:300' } as never
  it("is the running lab's TTL rule for a name in its zone, else nothing", () => {
    expect(labTtlRule({ ...running, settings }, 'Example.Test')).toBe('constant:300')
    expect(labTtlRule({ ...running, settings }, 'www.example.test.')).toBe('constant:300')
    expect(labTtlRule({ ...running, settings }, 'example.com')).toBeUndefined()
    expect(labTtlRule({ ...running, running: false, settings }, 'example.test')).toBeUndefined()
    expect(labTtlRule(undefined, 'example.test')).toBeUndefined()
  })
})
