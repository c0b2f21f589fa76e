/**
 * SVCB/HTTPS (RFC 9460) SvcParamKeys: the one table of key names and codes, and the types of the
 * parsed value shared by the wire codec, the presentation form and the zone layer.
 */

export interface SvcParam {
  key: number
  /** The SvcParamValue in wire form. */
  value: Buffer
}

export interface SvcbRdata {
  /** 0 = AliasMode, otherwise ServiceMode priority. */
  priority: number
  /** Absolute presentation form with trailing dot; '.' means "the owner name" (or, in AliasMode, no service). */
  target: string
  /** In strictly increasing key order after decode; encode sorts. */
  params: SvcParam[]
}

const SVC_PARAM_KEYS: Readonly<Record<string, number>> = {
  mandatory: 0,
  alpn: 1,
  'no-default-alpn': 2,
  port: 3,
  ipv4hint: 4,
  ech: 5,
  ipv6hint: 6,
  dohpath: 7, // RFC 9461
  ohttp: 8 // RFC 9540
}
const KEY_NAMES = new Map(Object.entries(SVC_PARAM_KEYS).map(([name, code]) => [code, name]))
/** Keys whose value is always empty. */
export const NO_VALUE_KEYS: ReadonlySet<number> = new Set([2, 8])
/** key65535 is reserved ("Invalid key"). */
export const INVALID_KEY = 65535

export const isNamedKey = (code: number): boolean => KEY_NAMES.has(code)

/** 'alpn' for 1, 'key65000' for a key without a name. */
export function svcParamKeyName(key: number): string {
  return KEY_NAMES.get(key) ?? `key${key}`
}

/** A key name (any case) or keyNNNNN below 65535 to its code; null otherwise. */
export function svcParamKeyCode(name: string): number | null {
  const n = name.toLowerCase()
  if (Object.hasOwn(SVC_PARAM_KEYS, n)) return SVC_PARAM_KEYS[n]!
  const m = /^key(\d{1,5})$/.exec(n)
  return m && Number(m[1]) < INVALID_KEY ? Number(m[1]) : null
}

/** Key names for messages: 'mandatory, alpn, ...'. */
export const knownKeyNames = (): string => [...KEY_NAMES.values()].join(', ')

/** Params in key order; throws when a key appears twice. */
export function sorted(params: SvcParam[]): SvcParam[] {
  const out = [...params].sort((a, b) => a.key - b.key)
  for (let i = 1; i < out.length; i++) {
    if ((out[i] as SvcParam).key === (out[i - 1] as SvcParam).key) {
      throw new Error(`SvcParamKey ${svcParamKeyName((out[i] as SvcParam).key)} appears more than once`)
    }
  }
  return out
}

