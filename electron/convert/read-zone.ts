/** Any readable format -> the converter's zone. */
import { lowerAbsolute } from '../dns/names'
import { readDnscontrol } from './dnscontrol-read'
import type { SandboxLimits } from './dnscontrol-sandbox'
import { ConvertError } from './errors'
import type { FormatId } from './formats'
import { warningFor, type ConvZone, type ConvertWarning, type ReadResult } from './model'
import { readOctodns } from './octodns'
import { readRoute53 } from './route53-json'
import { readZoneText } from './zone-text-read'

export interface ReadOptions {
  file: string
  origin?: string
  sandboxLimits?: SandboxLimits
}

export async function readZone(text: string, from: FormatId, options: ReadOptions): Promise<ReadResult> {
  const { file } = options
  const origin = options.origin === undefined ? undefined : lowerAbsolute(options.origin)
  switch (from) {
    case 'bind':
    case 'aname':
    case 'route53-text':
      return { zone: readZoneText(text, from, { file, origin }), warnings: [] }
    case 'cloudflare':
      return cloudflareSpecifics(text, readZoneText(text, from, { file, origin }))
    case 'route53':
      return readRoute53(text, file, origin)
    case 'octodns':
      return readOctodns(text, file, origin)
    case 'dnscontrol':
      return readDnscontrol(text, file, origin, options.sandboxLimits)
    default:
      throw new ConvertError(file, 0, 0, `${from} is a write-only format; read from bind, aname, route53-text, cloudflare, route53, dnscontrol or octodns`)
  }
}

/** Cloudflare exports its "Auto" TTL as 1, which means 300 s (https://developers.cloudflare.com/dns/manage-dns-records/reference/ttl/). */
const CLOUDFLARE_AUTO_TTL = 300

/** Cloudflare's export notes per record whether it was proxied (`; cf_tags=cf-proxied:true`) and writes Auto TTL as 1. */
function cloudflareSpecifics(text: string, zone: ConvZone): ReadResult {
  const warnings: ConvertWarning[] = []
  const proxied = new Set(text.split(/\r\n|\n|\r/).flatMap((l, i) => (/cf-proxied:true/.test(l) ? [i + 1] : [])))
  const records = zone.records.map((r) => {
    if (proxied.has(r.line)) warnings.push(warningFor(r, 'proxied at Cloudflare, which answered with its own addresses; the converted record gives the origin'))
    if (r.ttl !== 1) return r
    warnings.push(warningFor(r, `TTL 1 is Cloudflare's "Auto", which is ${CLOUDFLARE_AUTO_TTL} s; ${CLOUDFLARE_AUTO_TTL} written`))
    return { ...r, ttl: CLOUDFLARE_AUTO_TTL }
  })
  return { zone: { ...zone, records }, warnings }
}
