/** Any readable format -> the converter's zone. */
import { readDnscontrol } from './dnscontrol-read'
import type { SandboxLimits } from './dnscontrol-sandbox'
import { ConvertError } from './errors'
import type { FormatId } from './formats'
import type { ConvZone, ConvertWarning } from './model'
import { readOctodns } from './octodns'
import { readRoute53 } from './route53-json'
import { readZoneText } from './zone-text-read'

export interface ReadOptions {
  file: string
  origin?: string
  sandboxLimits?: SandboxLimits
}

export async function readZone(text: string, from: FormatId, options: ReadOptions): Promise<{ zone: ConvZone; warnings: ConvertWarning[] }> {
  const { file } = options
  const origin = options.origin === undefined ? undefined : options.origin.endsWith('.') ? options.origin.toLowerCase() : `${options.origin.toLowerCase()}.`
  switch (from) {
    case 'bind':
    case 'aname':
    case 'route53-text':
    case 'cloudflare':
      return { zone: readZoneText(text, from, { file, origin }), warnings: [] }
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
