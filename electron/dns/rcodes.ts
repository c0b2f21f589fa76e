const RCODES: Record<number, string> = {
  0: 'NOERROR', 1: 'FORMERR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 4: 'NOTIMP', 5: 'REFUSED',
  6: 'YXDOMAIN', 7: 'YXRRSET', 8: 'NXRRSET', 9: 'NOTAUTH', 10: 'NOTZONE', 11: 'DSOTYPENI',
  16: 'BADVERS', 17: 'BADKEY', 18: 'BADTIME', 19: 'BADMODE', 20: 'BADNAME', 21: 'BADALG',
  22: 'BADTRUNC', 23: 'BADCOOKIE'
}

/** Name of a (possibly extended, 12-bit) RCODE. */
export function rcodeName(code: number): string {
  return RCODES[code] ?? `RCODE${code}`
}

const OPCODES: Record<number, string> = { 0: 'QUERY', 1: 'IQUERY', 2: 'STATUS', 4: 'NOTIFY', 5: 'UPDATE', 6: 'DSO' }

export function opcodeName(code: number): string {
  return OPCODES[code] ?? `OPCODE${code}`
}
