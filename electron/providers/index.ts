/**
 * The one provider table, below the server, the inspector and the lab: NS-name fingerprints and
 * the provider profiles (how each provider serves an ALIAS, rule by rule, with sources).
 */
export { detectProviders, PROVIDERS } from './fingerprints'
export { PROFILES, profileById } from './profiles'
export { profileSettings, overriddenSettings, type ProfileSettings } from './profile-settings'
export { profileText, RULE_NAMES } from './describe'
export { aliasRefusal, isOwnResource } from './alias-targets'
export { transferPlan } from './transfer-rule'
