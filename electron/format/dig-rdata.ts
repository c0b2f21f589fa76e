/**
 * RDATA as dig (BIND 9.18) prints it on one line: the long base64 and hex fields cut into chunks of
 * 56 characters separated by a space (BIND's 80-column line minus its 24-column rdata indent), and
 * RFC 3597 hex in upper case. The engine's `data` keeps each field whole, as kdig's +json does.
 */
const DIG_CHUNK = 56

/** How many whitespace-separated fields come before the field dig splits, by type. */
const LEADING_FIELDS: Record<string, number> = {
  DNSKEY: 3,
  CDNSKEY: 3,
  KEY: 3,
  RRSIG: 8,
  SIG: 8,
  DS: 3,
  CDS: 3,
  TA: 3,
  DLV: 3,
  SSHFP: 2,
  TLSA: 3,
  SMIMEA: 3,
  ZONEMD: 3,
  OPENPGPKEY: 0,
  DHCID: 0
}

export function chunk(field: string, size = DIG_CHUNK): string {
  if (field.length <= size) return field
  const parts: string[] = []
  for (let i = 0; i < field.length; i += size) parts.push(field.slice(i, i + size))
  return parts.join(' ')
}

function splitAfter(data: string, leading: number, upper = false): string {
  const fields = data.split(' ')
  if (fields.length <= leading) return data
  const tail = fields.slice(leading).join('')
  return [...fields.slice(0, leading), chunk(upper ? tail.toUpperCase() : tail)].join(' ')
}

/** One record's RDATA as dig prints it in its answer lines and with +short. */
export function digRdata(rr: { type: string; data: string }): string {
  // RFC 3597 form: `\# <length> <hex>`
  if (rr.data.startsWith('\\# ')) return splitAfter(rr.data, 2, true)
  const leading = LEADING_FIELDS[rr.type]
  return leading === undefined ? rr.data : splitAfter(rr.data, leading)
}
