import { contextBridge, ipcRenderer } from 'electron'
import { buildApi, type Transport } from '@shared/api'
import type { Result } from '@shared/result'

// Each exposed method is bound to its own channel; the page never gets ipcRenderer or a generic invoke.
const transport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
  subscribe: (event, listener) => {
    const handler = (_event: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(event, handler)
    return () => {
      ipcRenderer.removeListener(event, handler)
    }
  }
}

contextBridge.exposeInMainWorld('inspector', buildApi(transport))
