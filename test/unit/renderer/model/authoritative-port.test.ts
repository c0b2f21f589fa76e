import { describe, expect, it } from 'vitest'
import type { LabStatus } from '@shared/lab'
import { defaultAuthoritativePort, isAtOrBelow } from '../../../../renderer/src/model/inspect/inspect-model'

describe('the zone servers’ port for the lab’s own zone', () => {
  const lab = (running: boolean, port: number | null, origin = 'example.test.') =>
    ({ running, port, zone: { origin, demo: true } }) as Pick<LabStatus, 'running' | 'port' | 'zone'>

  it('knows a name at or below an origin, and nothing else', () => {
    expect(isAtOrBelow('example.test', 'example.test.')).toBe(true)
    expect(isAtOrBelow('Static.Example.Test.', 'example.test')).toBe(true)
    expect(isAtOrBelow('notexample.test', 'example.test.')).toBe(false)
    expect(isAtOrBelow('example.com', 'example.test.')).toBe(false)
    expect(isAtOrBelow('example.test', '.')).toBe(false)
  })

  it('is the running lab’s port for its zone, else 53', () => {
    expect(defaultAuthoritativePort('example.test', lab(true, 5353))).toBe(5353)
    expect(defaultAuthoritativePort('www.example.test', lab(true, 5353))).toBe(5353)
    expect(defaultAuthoritativePort('example.com', lab(true, 5353))).toBe(53)
    expect(defaultAuthoritativePort('example.test', lab(false, null))).toBe(53)
    expect(defaultAuthoritativePort('example.test', null)).toBe(53)
  })
})
