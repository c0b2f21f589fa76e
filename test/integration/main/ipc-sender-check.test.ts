import { describe, expect, it, vi } from 'vitest'
import { createFakeElectron, FakeWebContents } from '../../support/fake-electron'

const fake = createFakeElectron()
vi.mock('electron', () => fake.electron)

describe('IPC layer', () => {
  it('never hands a foreign sender\'s request to the services', async () => {
    const { setupIpc } = await import('../../../electron/main/ipc')
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'reached' }))
    setupIpc({ dispatch, events: { subscribe: () => () => undefined } } as never, () => 'app://renderer/index.html')
    const handler = fake.handlers.get('app:echo')!
    const result = await handler({ sender: new FakeWebContents(), senderFrame: { url: 'file:///x' } }, { text: 'a' })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
  })
})
