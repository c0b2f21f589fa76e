/** Writes dnsconfig.js in the subset the reader takes back (README: "dnscontrol"). */
import { warningFor, type ConvRecord, type ConvZone, type ConvertWarning, type WriteResult } from './model'
import { displayName, relativeName } from '../dns/names'
import { charStringText } from './record-text'

const js = (s: string): string => JSON.stringify(s)

function call(r: ConvRecord, zone: ConvZone, defaultTtl: number, warn: (m: string) => void): string[] {
  const label = js(relativeName(r.name, zone.origin))
  const ttl = r.ttl === defaultTtl ? '' : `, TTL(${r.ttl})`
  const [a, b, c, d] = r.rdata
  const text = (t: string): string | null => charStringText(t, () => warn('a string in it is not UTF-8, which a JavaScript string cannot carry as octets; not written'))
  switch (r.type) {
    case 'A':
    case 'AAAA':
    case 'NS':
    case 'CNAME':
      return [`${r.type}(${label}, ${js(a)}${ttl})`]
    case 'ALIAS':
    case 'ANAME': {
      const families = r.alias?.families
      if (!families && !r.alias?.hostedZoneId) return [`ALIAS(${label}, ${js(a)}${ttl})`]
      const zoneId = r.alias?.hostedZoneId ? `, R53_ZONE(${js(r.alias.hostedZoneId)})` : ''
      return (families ?? ['A', 'AAAA']).map((f) => `R53_ALIAS(${label}, ${js(f)}, ${js(a)}${zoneId})`)
    }
    case 'MX':
      return [`MX(${label}, ${a}, ${js(b)}${ttl})`]
    case 'SRV':
      return [`SRV(${label}, ${a}, ${b}, ${c}, ${js(d)}${ttl})`]
    case 'CAA': {
      if (a !== '0' && a !== '128') {
        warn(`CAA flags ${a}: dnsconfig.js has only 0 and CAA_CRITICAL (128); not written`)
        return []
      }
      const value = text(c)
      return value === null ? [] : [`CAA(${label}, ${js(b)}, ${js(value)}${a === '128' ? ', CAA_CRITICAL' : ''}${ttl})`]
    }
    case 'TXT': {
      const parts = r.rdata.map(text)
      if (parts.some((p) => p === null)) return []
      const arg = parts.length === 1 ? js(parts[0]!) : `[${parts.map((p) => js(p!)).join(', ')}]`
      return [`TXT(${label}, ${arg}${ttl})`]
    }
    default:
      warn(`${r.type} is outside the dnsconfig.js subset this converter reads back (README: "dnscontrol"); not written`)
      return []
  }
}

export function writeDnscontrol(zone: ConvZone): WriteResult {
  const warnings: ConvertWarning[] = []
  const soa = zone.records.find((r) => r.type === 'SOA')
  const defaultTtl = soa?.ttl ?? 300
  const lines: string[] = []
  for (const r of zone.records) {
    if (r.type === 'SOA') {
      if (!r.synthetic) warnings.push(warningFor(r, 'the SOA is left to the DNS provider (dnscontrol writes it only for a few); not written'))
      continue
    }
    lines.push(...call(r, zone, defaultTtl, (m) => warnings.push(warningFor(r, m))))
  }
  const text = [
    '// dnsconfig.js written by ALIAS Inspector; pick your registrar and DNS provider below',
    'var REG_NONE = NewRegistrar("none");',
    'var DSP = NewDnsProvider("none");',
    '',
    `D(${js(displayName(zone.origin))}, REG_NONE, DnsProvider(DSP), DefaultTTL(${defaultTtl}),`,
    lines.map((l) => `  ${l}`).join(',\n'),
    ');',
    ''
  ].join('\n')
  return { text, warnings }
}
