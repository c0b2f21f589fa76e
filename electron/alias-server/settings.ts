/**
 * Settings: defaults from the shared schema; patches merged, checked first when the caller is not an edge. A patch that
 * names a profile first resets every setting the profile governs to the profile's rule; the
 * patch's other fields then apply on top, as overrides.
 */
import { parseInput } from '@shared/errors'
import { aliasSettingsPatchSchema, defaultAliasSettings, type AliasSettings, type AliasSettingsPatch } from '@shared/alias-server'
import { profileSettings } from '../providers'

export function defaultSettings(): AliasSettings {
  return { ...defaultAliasSettings }
}

/**
 * `patch` over `current` without checking it: for settings already validated where they came in (the contract's
 * schemas, lab.json's). A patch naming a profile first resets what the profile governs.
 */
export function mergeSettings(current: AliasSettings, patch: AliasSettingsPatch | undefined): AliasSettings {
  if (patch === undefined) return current
  const base = patch.profile !== undefined ? { ...current, ...profileSettings(patch.profile) } : current
  return { ...base, ...definedOnly(patch) }
}

/** The patch without its undefined fields (which would otherwise override saved values). */
export const definedOnly = (patch: AliasSettingsPatch): AliasSettingsPatch =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as AliasSettingsPatch

/** `mergeSettings` after the engine's own check: its callers (terminal, benchmarks, trust chain, tests) pass no edge. */
export function applySettings(current: AliasSettings, patch: AliasSettingsPatch | undefined): AliasSettings {
  if (patch === undefined) return current
  return mergeSettings(current, parseInput(aliasSettingsPatchSchema, patch, { limit: 100, root: 'settings' }))
}
