import { encodeName, readName } from '../wire-name'

/**
 * PowerDNS's ALIAS (private-use type 65401): RDATA is one uncompressed domain name. It normally
 * never leaves the server (it is resolved into A/AAAA), but PowerDNS serves it on direct queries.
 * dns-packet's per-type convention: the encoded form starts with the 2-octet RDLENGTH.
 */
function encodingLength(target: string): number {
  return 2 + encodeName(target).length
}

function encode(target: string, buf?: Buffer, offset = 0): Buffer {
  const name = encodeName(target)
  const out = buf ?? Buffer.alloc(2 + name.length)
  out.writeUInt16BE(name.length, offset)
  name.copy(out, offset + 2)
  encode.bytes = name.length + 2
  return out
}
encode.bytes = 0

function decode(buf: Buffer, offset = 0): string {
  const len = buf.readUInt16BE(offset)
  const end = offset + 2 + len
  if (end > buf.length) throw new Error('ALIAS RDATA runs past the end of the message')
  const r = readName(buf, offset + 2, end, true)
  if (r.end !== end) throw new Error('trailing octets after the ALIAS target')
  decode.bytes = len + 2
  return r.name
}
decode.bytes = 0

export const alias = { encode, decode, encodingLength }
