/**
 * Settings: defaults from the shared schema, patches validated before they apply. A patch that
 * names a profile first resets every setting the profile governs to the profile's rule; the
 * patch's other fields then apply on top, as overrides.
 */
import { aliasSettingsPatchSchema, defaultAliasSettings, type AliasSettings, type AliasSettingsPatch } from '@shared/alias-server'
import { describeIssues, ServiceError } from '@shared/errors'
import { profileSettings } from '../providers'

export function defaultSettings(): AliasSettings {
  return { ...defaultAliasSettings }
}

export function applySettings(current: AliasSettings, patch: AliasSettingsPatch | undefined): AliasSettings {
  if (patch === undefined) return current
  const r = aliasSettingsPatchSchema.safeParse(patch)
  if (!r.success) {
    throw new ServiceError('bad-input', describeIssues(r.error.issues, { limit: 100, root: 'settings' }))
  }
  const defined = Object.fromEntries(Object.entries(r.data).filter(([, v]) => v !== undefined))
  const base = r.data.profile !== undefined ? { ...current, ...profileSettings(r.data.profile) } : current
  return { ...base, ...defined }
}
