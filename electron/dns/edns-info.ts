import type { EdnsInfo } from '@shared/dns'
import { formatIPv4, formatIPv6 } from '@shared/ip-text'
import type { OptRecord } from './decode-message'
import { decodeEde } from './ede'
import { EDNS_OPTIONS } from '@shared/dns-codes'
import { escapeString } from './rdata/text'

function clientSubnet(data: Buffer): EdnsInfo['clientSubnet'] | undefined {
  if (data.length < 4) return undefined
  const family = data.readUInt16BE(0)
  const source = data[2] as number
  const scope = data[3] as number
  const size = family === 1 ? 4 : family === 2 ? 16 : 0
  if (!size || source > size * 8 || scope > size * 8 || data.length - 4 > size) return undefined
  const full = Buffer.alloc(size)
  data.copy(full, 0, 4)
  const address = size === 4 ? formatIPv4(full, 0) : formatIPv6(full, 0)
  return { subnet: `${address}/${source}`, sourcePrefixLength: source, scopePrefixLength: scope }
}

/** The response's OPT record in the shape the UI shows. */
export function ednsInfo(opt: OptRecord): EdnsInfo {
  const info: EdnsInfo = {
    version: opt.version,
    udpSize: opt.udpSize,
    dnssecOk: (opt.flags & 0x8000) !== 0,
    ede: [],
    options: []
  }
  for (const { code, data } of opt.options) {
    const unknown = () => info.options.push({ code, hex: data.toString('hex') })
    switch (code) {
      case EDNS_OPTIONS.NSID:
        info.nsid = { hex: data.toString('hex'), text: escapeString(data) }
        break
      case EDNS_OPTIONS.COOKIE:
        if (data.length >= 8 && data.length <= 40) {
          info.cookie = { client: data.subarray(0, 8).toString('hex') }
          if (data.length > 8) info.cookie.server = data.subarray(8).toString('hex')
        } else unknown()
        break
      case EDNS_OPTIONS.ECS: {
        const ecs = clientSubnet(data)
        if (ecs) info.clientSubnet = ecs
        else unknown()
        break
      }
      case EDNS_OPTIONS.PADDING:
        info.padding = data.length
        break
      case EDNS_OPTIONS.EDE: {
        const ede = decodeEde(data)
        if (ede) info.ede.push(ede)
        else unknown()
        break
      }
      default:
        unknown()
    }
  }
  return info
}
