import type { InspectorApi } from '@shared/api'

declare global {
  interface Window {
    /** Present only in the Electron host, exposed by the preload. */
    inspector?: InspectorApi
  }
}
