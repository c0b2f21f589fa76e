/**
 * Route 53 writes escapes as a backslash and three OCTAL digits (\052 for "*"), where zone files use
 * decimal (RFC 1035 §5.1). https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html
 */
import { unquoteCharString } from '../zone/char-strings'

const convert = (text: string, from: 8 | 10, to: 8 | 10): string =>
  text.replace(/\\(\d{3}|[\s\S])/g, (m, body: string) => {
    if (!(from === 8 ? /^[0-7]{3}$/ : /^\d{3}$/).test(body)) return m
    const n = parseInt(body, from)
    return Number.isNaN(n) || n > 255 ? m : '\\' + n.toString(to).padStart(3, '0')
  })

export const octalToDecimal = (text: string): string => convert(text, 8, 10)
export const decimalToOctal = (text: string): string => convert(text, 10, 8)

/** Octets as one quoted string: `"` and `\` escaped, controls and octets above 0x7e as three digits in `radix`. */
export function quoteOctets(bytes: Uint8Array, radix: 8 | 10): string {
  let out = '"'
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += '\\' + String.fromCharCode(b)
    else if (b < 0x20 || b > 0x7e) out += '\\' + b.toString(radix).padStart(3, '0')
    else out += String.fromCharCode(b)
  }
  return out + '"'
}

/** A canonical quoted character-string in Route 53's form (octal escapes). */
export const route53CharString = (token: string): string => quoteOctets(unquoteCharString(token), 8)
