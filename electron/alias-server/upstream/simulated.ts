/** Mode (c), and the route for the simulated zone in every mode: the in-process simulated target. */
import type { SimulatedTarget } from '../simulated-target'
import { EDE_NO_REACHABLE_AUTHORITY, UpstreamError, type AddressType, type Upstream, type UpstreamAnswer } from './types'

export function simulatedUpstream(target: SimulatedTarget): Upstream {
  const server = `simulated ${target.name}`
  return {
    mode: 'simulated',
    label: server,
    async resolve(name: string, type: AddressType, signal: AbortSignal): Promise<UpstreamAnswer> {
      if (target.latencyMs > 0) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, target.latencyMs)
          signal.addEventListener('abort', () => {
            clearTimeout(timer)
            reject(new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, 'cancelled'))
          }, { once: true })
        })
      }
      const found = target.lookup(name, type)
      if (!found) {
        throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, `the simulated upstream only serves ${target.name} (no route to ${name})`)
      }
      return { ...found, chain: [], server }
    },
    close() {}
  }
}
