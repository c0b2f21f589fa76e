/** Guesses the format of an input, for the UI to propose and the user to confirm. */
import type { readableFormatIds } from '@shared/convert'

export interface Detection {
  format: (typeof readableFormatIds)[number]
  /** Why we think so, in words. */
  because: string
}

const codeLines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.replace(/;.*$/, '').trim()).filter(Boolean)

export function detectFormat(text: string): Detection {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  if (trimmed.startsWith('{')) {
    if (/"ResourceRecordSets"\s*:/.test(text)) return { format: 'route53', because: 'JSON with ResourceRecordSets (list-resource-record-sets output)' }
    return { format: 'route53', because: 'JSON (a Route 53 change batch)' }
  }
  if (/\bD\s*\(/.test(text) && /\b(NewRegistrar|NewDnsProvider|DnsProvider|D_EXTEND)\b|\bD\s*\(\s*["']/.test(text)) {
    return { format: 'dnscontrol', because: 'JavaScript calling D(...) (dnsconfig.js)' }
  }
  if (/^---\s*$/m.test(trimmed) || /^\s+type:\s*\w+/m.test(text) || /^-\s+type:/m.test(text)) {
    return { format: 'octodns', because: 'YAML records with type: keys (octoDNS)' }
  }
  const lines = codeLines(text)
  if (lines.some((l) => /\s(A|AAAA)\s+ALIAS\s/i.test(` ${l} `) || /\sAWS\s+ALIAS\s/i.test(` ${l} `))) {
    return { format: 'route53-text', because: 'lines with "A ALIAS" or cli53\'s "AWS ALIAS"' }
  }
  if (/^;;\s*Domain:|cf_tags=/m.test(text)) return { format: 'cloudflare', because: "Cloudflare's export header or cf_tags comments" }
  if (lines.some((l) => /\sANAME\s/i.test(` ${l} `))) return { format: 'aname', because: 'a zone file with ANAME records' }
  const origin = /^\$ORIGIN\s+(\S+)/im.exec(text)?.[1]
  const apexCname = lines.some((l) => /^(@|\S+\.)\s+(\d+\s+)?(IN\s+)?CNAME\s/i.test(l) && (l.startsWith('@') || (origin !== undefined && l.toLowerCase().startsWith(origin.toLowerCase()))))
  if (apexCname) return { format: 'cloudflare', because: 'a zone file with a CNAME at the apex (Cloudflare flattens it)' }
  return { format: 'bind', because: 'a zone file' }
}
