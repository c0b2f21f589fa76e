import type { AppCommand } from '@shared/desktop'
import type { EventBus } from '@shared/event-bus'

/** Most commands kept for a window that is not listening yet; older ones are dropped first. */
const MAX_QUEUED_COMMANDS = 50

/**
 * Commands for the window (menu items, a second launch's arguments, a link) wait here until the window takes
 * them, so one given before the page has loaded (a link that started the app) is not lost.
 */
export class CommandQueue {
  private queue: AppCommand[] = []

  constructor(private readonly events: EventBus) {}

  push(command: AppCommand): void {
    this.queue.push(command)
    if (this.queue.length > MAX_QUEUED_COMMANDS) this.queue.splice(0, this.queue.length - MAX_QUEUED_COMMANDS)
    this.events.emit('app:commands', { waiting: this.queue.length })
  }

  take(): AppCommand[] {
    const taken = this.queue
    this.queue = []
    return taken
  }
}
