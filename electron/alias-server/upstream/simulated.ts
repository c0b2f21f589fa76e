/**
 * Mode (c), and the route for the simulated zone in every mode: the in-process simulated target.
 * Its failure state (the failure-mode lab) plays out here with the server's own timeout and retries,
 * so a silent target costs (retries + 1) × timeout exactly as a real one would.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { AliasSettings } from '@shared/alias-server'
import type { SimulatedTarget } from '../simulated-target'
import { EDE_NO_REACHABLE_AUTHORITY, UpstreamError, type AddressType, type Upstream, type UpstreamAnswer } from './types'

const wait = (ms: number, signal: AbortSignal): Promise<void> =>
  sleep(ms, undefined, { signal }).catch(() => {
    throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, 'cancelled', 'network')
  })

export function simulatedUpstream(target: SimulatedTarget, settings: () => AliasSettings): Upstream {
  const server = `simulated ${target.name}`
  return {
    mode: 'simulated',
    label: server,
    async resolve(name: string, type: AddressType, signal: AbortSignal): Promise<UpstreamAnswer> {
      const behaviour = target.behaviourFor(type)
      const { upstreamTimeoutMs: timeout, upstreamRetries: retries } = settings()
      const delay = target.latencyMs + behaviour.delayMs
      if (behaviour.silent || delay >= timeout) {
        await wait(timeout * (retries + 1), signal)
        const attempts = retries + 1
        throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, `${server} did not answer ${type}: ${attempts} attempt${attempts === 1 ? '' : 's'} of ${timeout} ms timed out`, 'timeout')
      }
      if (delay > 0) await wait(delay, signal)
      if (behaviour.servfail) throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, `${server} answered SERVFAIL for ${name} ${type}`, 'servfail')
      const found = target.lookup(name, type)
      if (!found) {
        throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, `the simulated upstream only serves ${target.name} (no route to ${name})`, 'network')
      }
      return { ...found, chain: [], server }
    },
    close() {}
  }
}
