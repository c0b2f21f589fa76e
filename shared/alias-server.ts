/**
 * The contract of the local ALIAS test server (electron/alias-server): its settings, upstream
 * configuration, query-log entries, counters and the simulated target's state. Times are Unix
 * milliseconds (`Date.now()`), TTLs are seconds.
 */

export * from './alias-server/settings'
export * from './alias-server/upstream'
export * from './alias-server/query-log'
export * from './alias-server/counters'
export * from './alias-server/simulated-target'
export * from './alias-server/zones'
export * from './alias-server/lookup-cost'
