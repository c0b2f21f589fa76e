import { CLASSES, typeCode } from '@shared/dns-codes'
import { ServiceError } from '@shared/errors'

// Types that make no sense as a single stub query.
const NOT_QUERYABLE: Record<number, string> = {
  0: 'type 0 is reserved',
  41: 'OPT is a pseudo-type and cannot be queried',
  249: 'TKEY cannot be queried directly',
  250: 'TSIG cannot be queried directly',
  251: 'zone transfers (IXFR) are not supported',
  252: 'zone transfers (AXFR) are not supported'
}

/** Parses a query type given by mnemonic, 'TYPEnnn', a decimal string or a number. */
export function parseQueryType(input: string | number): number {
  let code: number | undefined
  if (typeof input === 'number') code = input
  else if (/^\d+$/.test(input.trim())) code = Number(input.trim())
  else code = typeCode(input.trim())
  if (code === undefined || !Number.isInteger(code) || code < 0 || code > 65535) {
    throw new ServiceError('bad-input', `unknown record type "${String(input)}"; use a mnemonic or TYPEnnn`)
  }
  const reason = NOT_QUERYABLE[code]
  if (reason) throw new ServiceError('bad-input', reason)
  return code
}

export const CLASS_IN = CLASSES.IN
