/**
 * The resolver-target model: parsing what a person types (here, with node's IP and IDN rules) and the text side
 * (format, label, DoH URL, loopback) from shared/resolver-target; the system's resolvers and the saved list.
 */
export { parseResolver, parseResolverSpec, type ParsedResolver } from './parse-resolver'
export { systemResolvers } from './system-resolvers'
export { DEFAULT_PORTS, dohUrlText, formatResolver, isLoopback, resolverLabel } from '@shared/resolver-target'
