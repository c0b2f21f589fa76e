import { describe, expect, it, vi } from 'vitest'
import { EventBus } from '@shared/event-bus'
import { createFakeElectron } from '../../support/fake-electron'
import { sample } from '../../support/watch-sample'

const fake = createFakeElectron()
vi.mock('electron', () => fake.electron)

describe('OS notifications for running watches', () => {
  it('shows one when a resolver starts failing, none when switched off, and a click leads to the watch', async () => {
    const { setupNotifications } = await import('../../../electron/main/notifications')
    const events = new EventBus()
    let notifications = true
    const preferences = { desktopSettings: async () => ({ notifications }) }
    const clicked: string[] = []
    setupNotifications({ events, preferences } as never, (alert) => clicked.push(alert.sessionId))
    const session = {
      id: 's', apex: 'example.com', target: 'cdn.example.net', resolvers: [{ transport: 'udp', host: '127.0.0.1', port: 53 }],
      labels: ['Local resolver'], mode: 'interval', intervalSeconds: 1, state: 'running', startedAtWallMs: 0, sampleCount: 0
    } as const
    events.emit('watch:state', { session: { ...session, resolvers: [...session.resolvers], labels: [...session.labels] } })
    const fail = (seq: number) => events.emit('watch:sample', sample(seq, seq * 1000, 'apex', [], undefined, { status: 'error' }))
    fail(0)
    fail(1)
    await vi.waitFor(() => expect(fake.notifications).toHaveLength(1), { timeout: 10_000, interval: 10 })
    expect(fake.notifications[0]).toMatchObject({ title: 'Local resolver is failing', shown: true })
    fake.notifications[0]!.emitter.emit('click')
    expect(clicked).toEqual(['s'])

    notifications = false
    events.emit('watch:sample', sample(2, 2000, 'apex', ['192.0.2.1'], 60))
    fail(3)
    fail(4)
    // the setting is read asynchronously: give it the time the first notification took, and more
    await new Promise((r) => setTimeout(r, 100))
    expect(fake.notifications).toHaveLength(1)
  })
})
