/**
 * Whether the ALIAS server forwards its client's subnet to the target (EDNS Client Subnet), and how
 * much of it: the profile says; RFC 7871 §11.1 caps what is revealed at /24 (IPv4) and /56 (IPv6).
 */
import { parseIPv4, parseIPv6 } from '@shared/ip-text'
import type { ProfileId } from '@shared/providers'
import { profileById } from '../../providers'
import { truncateSubnet, type ClientSubnet } from './client-subnet'

const MAX_IPV4_SOURCE = 24
const MAX_IPV6_SOURCE = 56

export interface EcsForwarding {
  ipv4Prefix: number
  ipv6Prefix: number
}

export function ecsForwarding(profile: ProfileId): EcsForwarding | null {
  const ecs = profileById(profile).ecs.value
  if (!ecs.forward) return null
  return {
    ipv4Prefix: Math.min(ecs.ipv4Prefix ?? MAX_IPV4_SOURCE, MAX_IPV4_SOURCE),
    ipv6Prefix: Math.min(ecs.ipv6Prefix ?? MAX_IPV6_SOURCE, MAX_IPV6_SOURCE)
  }
}

/** The subnet the server forwards for `client`: never more bits than the client gave, nor than the cap. */
export function forwardedSubnet(client: ClientSubnet, f: EcsForwarding): string {
  return truncateSubnet(client.subnet, client.family === 1 ? f.ipv4Prefix : f.ipv6Prefix)
}

/** ECS option data for a response: the query's family, source prefix and address, with `scope`. */
export function ecsOptionData(client: ClientSubnet, scope: number): Buffer {
  const size = client.family === 1 ? 4 : 16
  const bytes = Buffer.alloc(4 + Math.ceil(client.sourcePrefixLength / 8))
  bytes.writeUInt16BE(client.family, 0)
  bytes[2] = client.sourcePrefixLength
  bytes[3] = Math.min(scope, size * 8)
  const full = (client.family === 1 ? parseIPv4(client.address) : parseIPv6(client.address)) ?? new Uint8Array(size)
  Buffer.from(full).copy(bytes, 4, 0, bytes.length - 4)
  return bytes
}
