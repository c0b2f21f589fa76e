/** Preferences: `preferences.json` (recent domains, display, desktop notifications) and the rules that keep it. */
export { createPreferenceStore, PREFERENCES_FILE, type PreferenceStore } from './preference-store'
