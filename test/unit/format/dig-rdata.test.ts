import { describe, expect, it } from 'vitest'
import { chunk, digRdata } from '../../../electron/format/dig-rdata'

const b64 = 'DmAn/OmGVsYmQI7KDSTSrWc5DKY/nWG105gZ0JUii4u/IkzWHE1YiR2ge7xByi2m+SYT2lEsfgRdvvQBv8iUVsADDKU2bvHI9wIga6hCWyEtpLBF'
const hex = '60522153BE065F40BF4FCC25ED64CE7312B2619560C4AFB89112ACDCF18B748A55DA6790568E4E0A85333D9349AEBA99'

describe('digRdata (dig 9.18 single-line form)', () => {
  it('cuts base64 and hex fields into 56-character chunks', () => {
    expect(chunk('x'.repeat(56))).toBe('x'.repeat(56))
    expect(chunk('x'.repeat(57))).toBe(`${'x'.repeat(56)} x`)
    expect(digRdata({ type: 'DNSKEY', data: `256 3 8 ${b64}` })).toBe(
      '256 3 8 DmAn/OmGVsYmQI7KDSTSrWc5DKY/nWG105gZ0JUii4u/IkzWHE1YiR2g e7xByi2m+SYT2lEsfgRdvvQBv8iUVsADDKU2bvHI9wIga6hCWyEtpLBF'
    )
    expect(digRdata({ type: 'DS', data: `12345 14 4 ${hex}` })).toBe(
      '12345 14 4 60522153BE065F40BF4FCC25ED64CE7312B2619560C4AFB89112ACDC F18B748A55DA6790568E4E0A85333D9349AEBA99'
    )
    expect(digRdata({ type: 'SSHFP', data: '4 2 123456789ABCDEF67890123456789ABCDEF67890123456789ABCDEF123456789' })).toBe(
      '4 2 123456789ABCDEF67890123456789ABCDEF67890123456789ABCDEF1 23456789'
    )
    expect(digRdata({ type: 'RRSIG', data: `A 13 2 300 20261216044235 20261202031235 1687 fid.test. ${b64.slice(0, 88)}` })).toBe(
      `A 13 2 300 20261216044235 20261202031235 1687 fid.test. ${b64.slice(0, 56)} ${b64.slice(56, 88)}`
    )
    expect(digRdata({ type: 'OPENPGPKEY', data: b64 })).toBe(chunk(b64))
  })

  it('prints RFC 3597 hex in upper case and in chunks, and leaves other types alone', () => {
    expect(digRdata({ type: 'TYPE65000', data: '\\# 40 3c0dd562bfa6477a342623b5e8400901d46fe2008e4630944c436cca14fffb12c8ef1b33efdbe976' })).toBe(
      '\\# 40 3C0DD562BFA6477A342623B5E8400901D46FE2008E4630944C436CCA 14FFFB12C8EF1B33EFDBE976'
    )
    expect(digRdata({ type: 'TYPE65000', data: '\\# 0' })).toBe('\\# 0')
    const txt = `"${'t'.repeat(200)}"`
    expect(digRdata({ type: 'TXT', data: txt })).toBe(txt)
    expect(digRdata({ type: 'NSEC3PARAM', data: `1 0 10 ${hex}` })).toBe(`1 0 10 ${hex}`)
  })
})
