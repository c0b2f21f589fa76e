/**
 * Requests one socket may have running at once. The app's own page has a handful in flight; a flood (every
 * `dns:queryMany` opens up to 32 sockets) is answered `conflict` at once instead of piling up.
 */
export const MAX_IN_FLIGHT = 32
