import { randomBytes } from 'node:crypto'
import { domainToASCII, domainToUnicode } from 'node:url'
import { ServiceError } from '@shared/errors'
import { labelText } from '@shared/names'
import { parsePresentationLabels, type PresentationLabel } from '../wire-name'

export interface NormalizedName {
  /** Absolute A-label form with a trailing dot, e.g. 'xn--mnchen-3ya.example.' ('.' for the root). */
  ascii: string
  /** Absolute U-label form with a trailing dot, e.g. 'münchen.example.'. */
  unicode: string
  /** Octets on the wire (labels + length bytes + root). */
  wireLength: number
}

// UTS 46 treats these as label separators too.
const IDEOGRAPHIC_DOTS = /[\u3002\uFF0E\uFF61]/g
// Letters, digits, hyphen; '_' for service labels (_443._tcp) and '/' for RFC 2317 reverse zones.
const ASCII_LABEL = /^[A-Za-z0-9_/-]+$/

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false
  return true
}

function show(label: string): string {
  return label.length > 20 ? `${label.slice(0, 20)}…` : label
}

function bad(message: string): ServiceError {
  return new ServiceError('bad-input', message)
}

function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0
  const printable = cp > 0x20 && cp !== 0x7f
  return `${printable ? `'${ch}' ` : ''}(U+${cp.toString(16).toUpperCase().padStart(4, '0')})`
}

function toAsciiLabel(label: string, index: number): string {
  if (label === '*') return label
  if (isAscii(label)) {
    if (ASCII_LABEL.test(label)) return label
    const offending = [...label].find((ch) => !/[A-Za-z0-9_/-]/.test(ch)) ?? label
    throw bad(
      `label ${index} ("${show(label)}") contains ${describeChar(offending)}, which is not allowed in a name`
    )
  }
  // Only non-ASCII labels go through UTS 46: the URL host parser would turn '1' into '0.0.0.1'.
  const converted = domainToASCII(label)
  if (!converted || !/^[a-z0-9-]+$/.test(converted)) {
    throw bad(`label ${index} ("${show(label)}") is not a valid internationalized label (UTS 46)`)
  }
  return converted
}

/**
 * A label written with RFC 1035 §5.1 escapes (`esc\.dot`, `sp\032ace`) may hold any octet; what is
 * typed unescaped follows the rules of plain ASCII labels. Shown escaped as dig shows it.
 */
function escapedLabel(label: PresentationLabel, index: number): string {
  const offending = [...label.text.replace(/\\(\d{3}|[\s\S])/gu, '')].find((ch) => !/[A-Za-z0-9_/*-]/.test(ch))
  if (offending !== undefined) {
    const cp = offending.codePointAt(0) ?? 0
    const hint = cp < 256 ? `; write it as \\${String(cp).padStart(3, '0')}` : ''
    throw bad(`label ${index} ("${show(label.text)}") contains ${describeChar(offending)}, which is not allowed in a name${hint}`)
  }
  return labelText(label.octets)
}

/**
 * Validates a user-typed name and converts IDN labels to A-labels. The case of ASCII labels is kept.
 * Master-file escapes (`\.`, `\DDD`, `\X`) are understood, as dig reads them.
 * Throws ServiceError('bad-input') naming the offending label and the reason.
 */
export function normalizeName(input: string): NormalizedName {
  const trimmed = input.trim().replace(IDEOGRAPHIC_DOTS, '.')
  if (trimmed === '') throw bad('the name is empty')
  if (trimmed === '.') return { ascii: '.', unicode: '.', wireLength: 1 }
  let labels: PresentationLabel[]
  try {
    labels = parsePresentationLabels(trimmed)
  } catch (err) {
    throw bad((err as Error).message)
  }
  const ascii: string[] = []
  let wireLength = 1
  labels.forEach((label, i) => {
    const index = i + 1
    if (label.text === '') throw bad(`label ${index} is empty (two dots in a row, or a leading dot)`)
    const converted = label.escaped ? escapedLabel(label, index) : toAsciiLabel(label.text, index)
    const octets = label.escaped ? label.octets.length : Buffer.byteLength(converted)
    if (octets > 63) {
      throw bad(`label ${index} ("${show(converted)}") is ${octets} octets; at most 63 are allowed`)
    }
    wireLength += octets + 1
    ascii.push(converted)
  })
  if (wireLength > 255) {
    throw bad(`the name is ${wireLength} octets on the wire; at most 255 are allowed`)
  }
  const asciiName = `${ascii.join('.')}.`
  return { ascii: asciiName, unicode: toUnicodeName(asciiName), wireLength }
}

/** U-label form of an absolute A-label name; labels that are not valid punycode stay as they are. */
export function toUnicodeName(ascii: string): string {
  if (ascii === '.' || !/(^|\.)xn--/i.test(ascii)) return ascii
  const labels = ascii.replace(/\.$/, '').split('.')
  const out = labels.map((label) => {
    if (!/^xn--/i.test(label)) return label
    const u = domainToUnicode(label)
    return u && !u.includes('.') ? u : label
  })
  return `${out.join('.')}.`
}

/** DNS 0x20: flips the case of each ASCII letter at random. */
export function randomizeCase(name: string): string {
  const bits = randomBytes(Math.ceil(name.length / 8) + 1)
  let out = ''
  for (let i = 0; i < name.length; i++) {
    const ch = name[i] as string
    const lower = ch.toLowerCase()
    const upper = ch.toUpperCase()
    if (lower === upper || lower.length !== 1 || upper.length !== 1) {
      out += ch
      continue
    }
    out += ((bits[i >> 3] as number) >> (i & 7)) & 1 ? upper : lower
  }
  return out
}

/** Case-insensitive for ASCII letters only, as RFC 4343 requires. */
export function namesEqual(a: string, b: string, exactCase: boolean): boolean {
  if (exactCase) return a === b
  return a.length === b.length && asciiLower(a) === asciiLower(b)
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase())
}
