/** SVCB/HTTPS RDATA in presentation form as dig prints it, and the structured value for the UI. */
import { formatIPv4, formatIPv6 } from '@shared/ip-text'
import { escapeString } from '../rdata/text'
import { svcParamKeyName, type SvcParam, type SvcbRdata } from './keys'

function alpnIds(v: Buffer): Buffer[] {
  const ids: Buffer[] = []
  for (let i = 0; i < v.length; ) {
    const len = v[i] as number
    ids.push(v.subarray(i + 1, i + 1 + len))
    i += 1 + len
  }
  return ids
}

const COMMA = Buffer.from(',')

// value-list escaping (RFC 9460 Appendix A.1) comes first, then char-string escaping.
function valueListItem(b: Buffer): Buffer {
  return Buffer.from(b.toString('latin1').replace(/[\\,]/g, (c) => `\\${c}`), 'latin1')
}

/** Value text as dig prints it (`always`: quoted) or as zone files keep it (quoted only when it holds blanks or ;()). */
function quoted(v: Buffer, always: boolean): string {
  const text = escapeString(v)
  return always || v.length === 0 || /[ ;()]/.test(text) ? `"${text}"` : text
}

/** A param's value in presentation form; undefined for a key written alone. `dig`: as dig quotes values. */
function formatParamValue(key: number, v: Buffer, dig = true): string | undefined {
  switch (key) {
    case 0: {
      const keys: string[] = []
      for (let i = 0; i + 1 < v.length; i += 2) keys.push(svcParamKeyName(v.readUInt16BE(i)))
      return keys.join(',')
    }
    case 1:
      return quoted(Buffer.concat(alpnIds(v).flatMap((id, i) => (i > 0 ? [COMMA, valueListItem(id)] : [valueListItem(id)]))), dig)
    case 3:
      return String(v.readUInt16BE(0))
    case 4: {
      const out: string[] = []
      for (let i = 0; i + 3 < v.length; i += 4) out.push(formatIPv4(v, i))
      return out.join(',')
    }
    case 5:
      return v.toString('base64')
    case 6: {
      const out: string[] = []
      for (let i = 0; i + 15 < v.length; i += 16) out.push(formatIPv6(v, i))
      return out.join(',')
    }
    default:
      return v.length === 0 ? undefined : quoted(v, dig)
  }
}

/** Params as presentation tokens, `key` or `key=value`, in the order given. */
export function formatSvcParams(params: SvcParam[], dig = true): string[] {
  return params.map((p) => {
    const value = formatParamValue(p.key, p.value, dig)
    return value === undefined ? svcParamKeyName(p.key) : `${svcParamKeyName(p.key)}=${value}`
  })
}

export const formatSvcb = (data: SvcbRdata): string => [String(data.priority), data.target, ...formatSvcParams(data.params)].join(' ')

/** Structured view for the UI. */
export function svcbFields(data: SvcbRdata): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const p of data.params) {
    const name = svcParamKeyName(p.key)
    const v = p.value
    switch (p.key) {
      case 0:
        params[name] = (formatParamValue(0, v) ?? '').split(',')
        break
      case 1:
        params[name] = alpnIds(v).map((id) => id.toString('latin1'))
        break
      case 2:
      case 8:
        params[name] = true
        break
      case 3:
        params[name] = v.readUInt16BE(0)
        break
      case 4:
      case 6:
        params[name] = (formatParamValue(p.key, v) ?? '').split(',')
        break
      case 5:
        params[name] = v.toString('base64')
        break
      case 7:
        params[name] = v.toString('utf8')
        break
      default:
        params[name] = v.toString('hex')
    }
  }
  return {
    priority: data.priority,
    mode: data.priority === 0 ? 'alias' : 'service',
    target: data.target,
    params
  }
}

