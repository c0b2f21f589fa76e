/** The resolver-target model: parsing what a person types (with node's IP and IDN rules) and the system's resolvers. */
export { parseResolver, parseResolverSpec, type ParsedResolver } from './parse-resolver'
export { systemResolvers } from './system-resolvers'
