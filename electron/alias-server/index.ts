/**
 * The local ALIAS test server: an authoritative DNS server on UDP and TCP that expands ALIAS/ANAME
 * records through an upstream (a resolver, the target's own authoritative servers, or an in-process
 * simulated target). Plain Node; behaviour choices in the README ("The local ALIAS test server").
 */
export { DEFAULT_SIMULATED_NAME } from './simulated-target'
export type { CompactZoneData } from './compact-zone'
export { loadZoneOffThread, type ZoneAliasRecord } from './zone-loader'
export type { AliasServer, AliasServerOptions } from './server-types'
export { startAliasServer } from './start'
export type { TransferConfig } from './transfer/transfer-service'
export { GeoFileError, loadGeoFile } from './geo/load-geo-file'

