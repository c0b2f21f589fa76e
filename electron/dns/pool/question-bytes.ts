/**
 * The fast half of matching an answer on a shared socket: the header says "a response to a standard
 * query with one question", and the question's octets equal the ones we sent (names compared without
 * regard to ASCII case unless 0x20 asks for exact case). Anything else goes to the full matcher
 * (matchResponse), which also words the reason a message was ignored. This saves decoding the
 * question name into a string for every answer that does match.
 */
export function questionEnd(query: Buffer): number {
  let pos = 12
  while (pos < query.length) {
    const len = query[pos]!
    if (len === 0) return pos + 5
    if (len > 63) return -1 // our own queries never compress the question name
    pos += len + 1
  }
  return -1
}

export function sameHeaderAndQuestion(query: Buffer, qEnd: number, msg: Buffer, exactCase: boolean): boolean {
  if (qEnd < 0 || msg.length < qEnd) return false
  // ID; QR set and opcode 0 (QUERY); exactly one question
  if (msg[0] !== query[0] || msg[1] !== query[1]) return false
  if ((msg[2]! & 0xf8) !== 0x80 || msg[4] !== 0 || msg[5] !== 1) return false
  const nameEnd = qEnd - 4
  for (let i = 12; i < nameEnd; i++) {
    let a = msg[i]!
    let b = query[i]!
    if (a === b) continue
    if (exactCase) return false
    // length octets are below 0x40, so folding A-Z never changes one
    if (a >= 0x41 && a <= 0x5a) a |= 0x20
    if (b >= 0x41 && b <= 0x5a) b |= 0x20
    if (a !== b) return false
  }
  for (let i = nameEnd; i < qEnd; i++) if (msg[i] !== query[i]) return false
  return true
}
