/**
 * The contract of the inspector (electron/inspector): is this apex aliased, to what, and how stale
 * can it get. Times: `*WallMs` are Unix milliseconds, `*MonoMs` are the main process's monotonic
 * clock, `elapsedMs` are milliseconds since a watch session started (monotonic).
 */

export { families, type Family } from './inspector/common'
export * from './inspector/observations'
export * from './inspector/verdict'
export * from './inspector/suggest'
export * from './inspector/inspect'
export * from './inspector/dnssec'
export * from './inspector/watch'
export * from './inspector/staleness'
export * from './inspector/watch-requests'
