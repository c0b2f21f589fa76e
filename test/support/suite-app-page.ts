import { afterAll, beforeAll } from 'vitest'
import { openAppPage, type AppPage } from './app-page'

/**
 * Browser mode opened once for the surrounding describe (beforeAll) and closed after its tests (afterAll).
 * `ready` takes what the suite needs from it, and may go on (e.g. open a tab) before the first test.
 */
export function openAppPageForSuite(ready: (opened: AppPage) => void | Promise<void>, timeout?: number): void {
  let opened: AppPage | undefined
  beforeAll(async () => {
    opened = await openAppPage()
    await ready(opened)
  }, timeout)
  afterAll(async () => {
    await opened?.close()
  })
}
