import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { ResolverTarget } from '@shared/dns'
import { ServiceError } from '@shared/errors'
import { canonicalIp } from './ip'
import { dohUrlText, isLoopback } from '@shared/resolver-target'
import type { Endpoint } from './transports/transport'

const stripBrackets = (h: string) => h.replace(/^\[|\]$/g, '')

function dohUrl(target: ResolverTarget): URL {
  const text = dohUrlText(target)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ServiceError('bad-input', `"${text}" is not a valid DoH URL`)
  }
  if (url.username || url.password) throw new ServiceError('bad-input', 'DoH URLs must not contain credentials')
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:' && isLoopback(url.hostname) && isLoopback(target.host)) return url
  throw new ServiceError(
    'bad-input',
    url.protocol === 'http:'
      ? 'plain http:// DoH is only allowed to a loopback address; use https://'
      : `unsupported DoH URL scheme "${url.protocol}"`
  )
}

/** Validates a resolver target and works out what to dial and which name to verify. */
export async function resolveEndpoint(target: ResolverTarget): Promise<Endpoint> {
  const host = stripBrackets(target.host.trim())
  const base = {
    transport: target.transport,
    host: target.host,
    port: target.port,
    dohMethod: target.dohMethod ?? 'POST',
    ...(target.label ? { label: target.label } : {})
  }
  if (target.transport === 'udp' || target.transport === 'tcp') {
    if (isIP(host)) return { ...base, address: canonicalIp(host) }
    // UDP responses are matched against the address we sent to, so resolve names up front.
    try {
      const { address } = await lookup(host)
      return { ...base, address: canonicalIp(address) }
    } catch (err) {
      throw new ServiceError('unreachable', `cannot resolve the resolver's host name "${host}": ${(err as Error).message}`)
    }
  }
  const url = target.transport === 'doh' ? dohUrl({ ...target, host }) : undefined
  const urlHost = url ? stripBrackets(url.hostname) : undefined
  // SNI must be a name, never an IP literal; with no name the certificate is checked for the IP.
  const servername =
    target.tlsServerName ??
    (urlHost && !isIP(urlHost) ? urlHost : undefined) ??
    (!isIP(host) ? host : undefined)
  return {
    ...base,
    address: isIP(host) ? canonicalIp(host) : host,
    ...(servername ? { servername } : {}),
    ...(url ? { url } : {})
  }
}
