/** Zone origins as the peer fixtures write them into configs and file names. */

export const absolute = (origin: string): string => (origin.endsWith('.') ? origin : `${origin}.`)

/** 'example.test' or 'example.test.' → 'example.test.zone'; the root → 'root.zone'. */
export const zoneFileName = (origin: string): string => `${absolute(origin).slice(0, -1) || 'root'}.zone`
