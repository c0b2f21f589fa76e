import { randomUUID } from 'node:crypto'
import type { ResolverTarget } from '@shared/dns'
import type { ResolverEntry, ResolverList } from '@shared/resolvers'
import { ServiceError } from '@shared/errors'
import { parseResolver } from './parse-resolver'
import { isPresetId, presetResolvers } from './presets'
import { MAX_CUSTOM_RESOLVERS, ResolverStore, type LoadedResolvers, type StoredResolver } from './resolver-store'
import { formatResolver } from '@shared/resolver-target'
import { systemResolvers } from './system-resolvers'
import { serialQueue } from '../storage/serial'

export interface ResolverServiceOptions {
  dataDir: string
  /** Port of the local ALIAS server, or undefined while it is not running. */
  localServerPort?: () => number | undefined
  /** The system's resolvers (default: resolv.conf, then Node's dns.getServers()). */
  systemResolvers?: () => Promise<ResolverTarget[]>
  /** Called once when the saved file turns out to be corrupt. */
  onWarning?: (message: string) => void
}

export interface ResolverService {
  list(): Promise<ResolverList>
  save(input: string, label?: string): Promise<ResolverEntry>
  remove(id: string): Promise<{ id: string }>
}

const sameTarget = (a: ResolverTarget, b: ResolverTarget): boolean =>
  a.transport === b.transport && a.host === b.host && a.port === b.port && a.url === b.url &&
  a.tlsServerName === b.tlsServerName

function toEntry(stored: StoredResolver): ResolverEntry {
  return {
    id: stored.id,
    label: stored.label,
    group: 'custom',
    target: { ...stored.target, label: stored.label },
    builtIn: false,
    available: true
  }
}

/** Presets plus the user's saved resolvers; mutations are serialized so concurrent saves never lose one. */
export function createResolverService(options: ResolverServiceOptions): ResolverService {
  const store = new ResolverStore(options.dataDir)
  const warnings: string[] = []
  let loaded: Promise<LoadedResolvers> | undefined

  const state = (): Promise<LoadedResolvers> =>
    (loaded ??= store.load().then((result) => {
      if (result.warning) {
        warnings.push(result.warning)
        options.onWarning?.(result.warning)
      }
      return result
    }))

  const serialized = serialQueue()

  return {
    async list() {
      const [current, system] = await Promise.all([
        state(),
        (options.systemResolvers ?? systemResolvers)().catch(() => [])
      ])
      const presets = presetResolvers({ system, localServerPort: options.localServerPort?.() })
      return { resolvers: [...presets, ...current.resolvers.map(toEntry)], warnings: [...warnings] }
    },

    save: (input, label) =>
      serialized(async () => {
        const target = parseResolver(input)
        const current = await state()
        const existing = current.resolvers.find((r) => sameTarget(r.target, target))
        if (existing) throw new ServiceError('conflict', `"${input.trim()}" is already saved as "${existing.label}"`)
        if (current.resolvers.length >= MAX_CUSTOM_RESOLVERS) {
          throw new ServiceError('conflict', `at most ${MAX_CUSTOM_RESOLVERS} resolvers can be saved; remove one first`)
        }
        const stored: StoredResolver = {
          id: `custom-${randomUUID()}`,
          label: label?.trim() || formatResolver(target),
          input: input.trim(),
          target,
          addedAt: new Date().toISOString()
        }
        const next = [...current.resolvers, stored]
        await store.save(next, current.writable)
        current.resolvers = next
        return toEntry(stored)
      }),

    remove: (id) =>
      serialized(async () => {
        const current = await state()
        const index = current.resolvers.findIndex((r) => r.id === id)
        if (index < 0) {
          if (isPresetId(id)) throw new ServiceError('bad-input', `"${id}" is a built-in resolver and cannot be removed`)
          throw new ServiceError('not-found', `no saved resolver has the id "${id}"`)
        }
        const next = current.resolvers.filter((r) => r.id !== id)
        await store.save(next, current.writable)
        current.resolvers = next
        return { id }
      })
  }
}
