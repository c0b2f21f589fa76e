import type { HandlerGroup } from '../api/handlers'
import type { PreferenceStore } from '../preferences'

export function preferenceHandlers(store: PreferenceStore): HandlerGroup<'prefs'> {
  return {
    'prefs:recent': () => store.recent(),
    'prefs:addRecent': ({ apex, target }) => store.addRecent(apex, target),
    'prefs:removeRecent': ({ apex }) => store.removeRecent(apex),
    'prefs:display': () => store.displaySettings(),
    'prefs:setTeaching': ({ enabled }) => store.setTeaching(enabled),
    'prefs:setTheme': ({ theme }) => store.setTheme(theme),
    'prefs:desktop': () => store.desktopSettings(),
    'prefs:setNotifications': ({ enabled }) => store.setNotifications(enabled)
  }
}
