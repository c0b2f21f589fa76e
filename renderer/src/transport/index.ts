import { buildApi, type InspectorApi } from '@shared/api'
import { createWebSocketTransport } from './websocket-transport'

let api: InspectorApi | undefined

/** The one place that knows which host the renderer runs in: components only ever see InspectorApi. */
export function getApi(): InspectorApi {
  api ??= window.inspector ?? buildApi(createWebSocketTransport())
  return api
}
