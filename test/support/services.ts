import { afterAll } from 'vitest'
import type { Result } from '@shared/result'
import { createServices, type Services } from '../../electron/services'
import { tempDirForSuite } from './suite-temp-dir'

/** The value of an ok result; otherwise throws with the error's code and message. */
export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** The services as browser mode builds them, over the data folder `dataDir`. */
export function browserServices(dataDir: string): Services {
  return createServices({ appName: 'ALIAS Inspector', appVersion: '0.0.0-test', host: 'browser', dataDir })
}

export interface SuiteData {
  /** The data folder (set once the suite's beforeAll has run). */
  readonly dir: string
  /** Builds services over the folder, the first time or again as after a restart. */
  open(): Services
  /** Every services object opened so far, in order. */
  readonly opened: readonly Services[]
}

/** A fresh data folder for the surrounding describe; every services object opened over it is disposed, and the folder removed, after its tests. */
export function servicesForSuite(prefix: string): SuiteData {
  const folder = tempDirForSuite(prefix)
  const opened: Services[] = []
  afterAll(async () => {
    for (const services of opened) await services.dispose()
  })
  return {
    get dir() {
      return folder.path
    },
    open() {
      const services = browserServices(folder.path)
      opened.push(services)
      return services
    },
    opened
  }
}
