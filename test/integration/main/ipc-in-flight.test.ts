import { describe, expect, it, vi } from 'vitest'
import { MAX_IN_FLIGHT } from '../../../electron/web/socket-session'
import { createFakeElectron } from '../../support/fake-electron'

const fake = createFakeElectron()
vi.mock('electron', () => fake.electron)

describe('IPC in-flight cap', () => {
  it('answers conflict (busy) past the same cap as a browser-mode socket, and cancels what a closed page asked', async () => {
    const { setupIpc } = await import('../../../electron/main/ipc')
    const { appWindows } = await import('../../../electron/main/window')
    const window = new fake.electron.BrowserWindow({ webPreferences: {} })
    ;(appWindows() as Set<unknown>).add(window)
    const pending: Array<() => void> = []
    const signals: AbortSignal[] = []
    const dispatch = vi.fn(
      (_channel: string, _payload: unknown, signal: AbortSignal) =>
        new Promise((done) => {
          signals.push(signal)
          pending.push(() => done({ ok: true, value: 'done' }))
        })
    )
    setupIpc({ dispatch, events: { subscribe: () => () => undefined } } as never, () => 'app://renderer/index.html')
    const handler = fake.handlers.get('app:echo')!
    const event = { sender: window.webContents, senderFrame: { url: 'app://renderer/index.html' } }
    const running = Array.from({ length: MAX_IN_FLIGHT }, () => handler(event, { text: 'a' }) as Promise<unknown>)
    const refused = await handler(event, { text: 'a' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('busy') } })
    expect(dispatch).toHaveBeenCalledTimes(MAX_IN_FLIGHT)
    pending.shift()!()
    await running[0]
    const accepted = handler(event, { text: 'a' })
    expect(dispatch).toHaveBeenCalledTimes(MAX_IN_FLIGHT + 1)
    expect(signals[0]!.aborted).toBe(false)
    window.webContents.emit('destroyed')
    expect(signals.every((s) => s.aborted)).toBe(true)
    for (const done of pending.splice(0)) done()
    await Promise.all([...running, accepted])
  })
})
