/**
 * Collects errors that escape the code under test (uncaught exceptions, unhandled rejections)
 * between start() and stop(); stop() fails when there were any.
 */
export function escapedErrors(): { start(): void; stop(): void } {
  const escaped: unknown[] = []
  const onEscape = (error: unknown): void => {
    escaped.push(error)
  }
  return {
    start() {
      process.on('uncaughtException', onEscape)
      process.on('unhandledRejection', onEscape)
    },
    stop() {
      process.off('uncaughtException', onEscape)
      process.off('unhandledRejection', onEscape)
      if (escaped.length > 0) throw new Error(`uncaught errors during the tests: ${escaped.map(String).join('; ')}`)
    }
  }
}
