/** The one SVCB/HTTPS codec (RFC 9460): key table, wire form, presentation form and parsed value. */
export * from './keys'
export { svcb } from './wire'
export { formatSvcb, formatSvcParams, svcbFields } from './format'
export { parseSvcb, parseSvcbHead, parseSvcbTokens, parseSvcParams } from './parse'
