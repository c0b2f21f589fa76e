/** The zone rules on CNAME and ALIAS, as the byte path checks them per owner (the parser's validateZone reports them). */

const CNAME = 1
const CNAME_AGAIN = 2
const ALIAS = 4
const ALIAS_AGAIN = 8
const OTHER = 16

/** An owner's flags once it has a record of `type`. */
export function flagsWith(seen: number, type: string): number {
  if (type === 'CNAME') return seen | (seen & CNAME ? CNAME_AGAIN : CNAME)
  if (type === 'ALIAS' || type === 'ANAME') return seen | (seen & ALIAS ? ALIAS_AGAIN : ALIAS)
  return seen | OTHER
}

/** Whether the owners' flags break a zone rule: a second ALIAS, a CNAME beside other data or at the apex. */
export function breaksCnameRules(flags: ArrayLike<number>, owners: number, apexNode: number): boolean {
  for (let node = 0; node < owners; node++) {
    const f = flags[node] ?? 0
    if (f & ALIAS_AGAIN) return true
    if (f & CNAME && (f & (CNAME_AGAIN | ALIAS | OTHER) || node === apexNode)) return true
  }
  return false
}
