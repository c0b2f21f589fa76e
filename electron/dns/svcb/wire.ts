/**
 * SVCB (64) and HTTPS (65) RDATA on the wire, RFC 9460. `encode`/`decode`/`encodingLength` follow
 * dns-packet's per-type convention: the encoded form starts with the 2-octet RDLENGTH, and `decode` reads it.
 */
import { encodeName, readName } from '../wire-name'
import { sorted, svcParamKeyName, type SvcParam, type SvcbRdata } from './keys'

function encodingLength(data: SvcbRdata): number {
  let len = 2 + 2 + encodeName(data.target).length
  for (const p of data.params) len += 4 + p.value.length
  return len
}

function encode(data: SvcbRdata, buf?: Buffer, offset = 0): Buffer {
  const out = buf ?? Buffer.alloc(encodingLength(data))
  const start = offset
  let pos = offset + 2
  pos = out.writeUInt16BE(data.priority, pos)
  const target = encodeName(data.target)
  pos += target.copy(out, pos)
  for (const p of sorted(data.params)) {
    pos = out.writeUInt16BE(p.key, pos)
    pos = out.writeUInt16BE(p.value.length, pos)
    pos += p.value.copy(out, pos)
  }
  out.writeUInt16BE(pos - start - 2, start)
  encode.bytes = pos - start
  return out
}
encode.bytes = 0

function decode(buf: Buffer, offset = 0): SvcbRdata {
  const rdlength = buf.readUInt16BE(offset)
  const start = offset + 2
  const end = start + rdlength
  if (end > buf.length) throw new Error('SVCB RDATA runs past the end of the message')
  if (rdlength < 3) throw new Error('SVCB RDATA too short')
  const priority = buf.readUInt16BE(start)
  // RFC 9460 §2.2: the TargetName is uncompressed.
  const t = readName(buf, start + 2, end, false)
  const params: SvcParam[] = []
  let pos = t.end
  let lastKey = -1
  while (pos < end) {
    if (pos + 4 > end) throw new Error('truncated SvcParam')
    const key = buf.readUInt16BE(pos)
    const len = buf.readUInt16BE(pos + 2)
    if (key <= lastKey) throw new Error('SvcParamKeys are not in strictly increasing order')
    if (pos + 4 + len > end) throw new Error(`SvcParam ${svcParamKeyName(key)} is truncated: it runs past the end of the RDATA`)
    const value = Buffer.from(buf.subarray(pos + 4, pos + 4 + len))
    checkWireValue(key, value)
    params.push({ key, value })
    lastKey = key
    pos += 4 + len
  }
  decode.bytes = rdlength + 2
  return { priority, target: t.name, params }
}
decode.bytes = 0

/** Throws when a value's wire form breaks its key's rules (RFC 9460 §7, §8). */
function checkWireValue(key: number, v: Buffer): void {
  const name = svcParamKeyName(key)
  const bad = (why: string) => new Error(`SvcParam ${name}: ${why}`)
  switch (key) {
    case 0:
      if (v.length === 0 || v.length % 2) throw bad('length must be a non-zero multiple of 2')
      for (let i = 0; i < v.length; i += 2) {
        const k = v.readUInt16BE(i)
        if (k === 0) throw bad('must not list itself')
        if (i > 0 && k <= v.readUInt16BE(i - 2)) throw bad('keys must be in strictly increasing order')
      }
      break
    case 1: {
      if (v.length === 0) throw bad('must not be empty')
      for (let i = 0; i < v.length; ) {
        const len = v[i] as number
        if (len === 0 || i + 1 + len > v.length) throw bad('bad alpn-id length')
        i += 1 + len
      }
      break
    }
    case 2:
    case 8:
      if (v.length !== 0) throw bad('value must be empty')
      break
    case 3:
      if (v.length !== 2) throw bad('length must be 2')
      break
    case 4:
      if (v.length === 0 || v.length % 4) throw bad('length must be a non-zero multiple of 4')
      break
    case 6:
      if (v.length === 0 || v.length % 16) throw bad('length must be a non-zero multiple of 16')
      break
    case 65535:
      throw bad('key 65535 is reserved')
  }
}

export const svcb = { encode, decode, encodingLength }

