import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { channelNames, eventNames } from '@shared/channels'
import { methodName, subscriptionName } from '@shared/api'
import { createFakeElectron } from '../../support/fake-electron'
import { requireWithFakeElectron } from '../../support/load-with-fake-electron'

const preloadEntry = resolve(__dirname, '../../../out/preload/index.cjs')

describe('built preload under a fake electron', () => {
  const fake = createFakeElectron()
  requireWithFakeElectron(preloadEntry, fake.electron)
  const api = fake.exposed.get('inspector') as Record<string, Record<string, unknown>>

  it('exposes exactly one object, named inspector', () => {
    expect([...fake.exposed.keys()]).toEqual(['inspector'])
  })

  it('has one method per channel and one subscription per event, and nothing generic', () => {
    for (const channel of channelNames) {
      const { domain, key } = methodName(channel)
      expect(typeof api[domain]?.[key], channel).toBe('function')
    }
    for (const event of eventNames) {
      const { domain, key } = subscriptionName(event)
      expect(typeof api[domain]?.[key], event).toBe('function')
    }
    const everything = JSON.stringify(Object.fromEntries(Object.entries(api).map(([d, m]) => [d, Object.keys(m)])))
    expect(everything).not.toMatch(/ipcRenderer|invoke|send/)
  })

  it('binds each method to its own channel', async () => {
    await (api.app!.echo as (input: unknown) => Promise<unknown>)({ text: 'x' })
    expect(fake.invoked).toEqual([{ channel: 'app:echo', input: { text: 'x' } }])
  })
})
