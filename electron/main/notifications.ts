import { Notification } from 'electron'
import type { WatchSample, WatchSession } from '@shared/inspector'
import { WatchAlerts, type WatchAlert } from '../inspector'
import type { Services } from '../services'

/**
 * OS notifications for running watches: the apex stale beyond its bound, a resolver that starts failing.
 * Off when the person switched them off (About › notifications, kept in preferences.json).
 */
export function setupNotifications(services: Services, onClick: (alert: WatchAlert) => void): WatchAlerts {
  const show = async (alert: WatchAlert) => {
    const { notifications } = await services.preferences.desktopSettings()
    if (!notifications || !Notification.isSupported()) return
    const notification = new Notification({ title: alert.title, body: alert.body })
    notification.on('click', () => onClick(alert))
    notification.show()
  }
  const alerts = new WatchAlerts((alert) => void show(alert).catch(() => undefined))
  services.events.subscribe((event, payload) => {
    if (event === 'watch:state') alerts.onState((payload as { session: WatchSession }).session)
    else if (event === 'watch:sample') alerts.onSample(payload as WatchSample)
  })
  return alerts
}
