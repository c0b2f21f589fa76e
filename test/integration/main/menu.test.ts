import { describe, expect, it, vi } from 'vitest'
import { createFakeElectron } from '../../support/fake-electron'

const fake = createFakeElectron()
vi.mock('electron', () => fake.electron)

type Item = { id?: string; role?: string; submenu?: Item[] }
const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])])

describe('application menu', () => {
  const actions = { newInspection: vi.fn(), openZoneFile: vi.fn(), openWatchExport: vi.fn(), exportData: vi.fn(), showView: vi.fn() }

  it('has Toggle Developer Tools in development only', async () => {
    const { menuTemplate } = await import('../../../electron/main/menu')
    const roles = (development: boolean) => flatten(menuTemplate(actions, { isMac: false, development }) as Item[]).map((i) => i.role)
    expect(roles(true)).toContain('toggleDevTools')
    expect(roles(false)).not.toContain('toggleDevTools')
  })

  it('follows each platform: the app menu and Close on macOS, Quit elsewhere', async () => {
    const { menuTemplate } = await import('../../../electron/main/menu')
    const mac = menuTemplate(actions, { isMac: true, development: false }) as Item[]
    expect(mac[0]!.role).toBe('appMenu')
    expect(flatten(mac).map((i) => i.role)).toContain('close')
    const linux = menuTemplate(actions, { isMac: false, development: false }) as Item[]
    expect(linux.map((i) => i.role)).not.toContain('appMenu')
    expect(flatten(linux).map((i) => i.role)).toContain('quit')
  })

  it('Open watch export… asks for the watch dialog', async () => {
    const { menuTemplate } = await import('../../../electron/main/menu')
    const item = flatten(menuTemplate(actions, { isMac: false, development: false }) as Item[]).find((i) => i.id === 'open-watch') as { click(): void }
    item.click()
    expect(actions.openWatchExport).toHaveBeenCalledOnce()
  })
})
