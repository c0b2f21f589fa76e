/**
 * LOC (RFC 1876): location, altitude and precision. Two presentations of the same fields: dig's
 * (BIND's loc_29.c: seconds always with 3 decimals, altitude with 2, sizes below 1 m as `0.NNm`)
 * and kdig's (Knot's: decimals only when not whole, two spaces between the groups), which RFC 8427
 * JSON follows so that `+json` matches kdig's `+json`.
 */
import { RdataError, type RdataReader } from './reader'

export interface LocFields {
  /** Sizes in centimetres, decoded from their mantissa/exponent octets. */
  sizeCm: number
  horizontalPrecisionCm: number
  verticalPrecisionCm: number
  /** Thousandths of an arc second from the equator / prime meridian, negative south / west. */
  latitudeMas: number
  longitudeMas: number
  /** Centimetres above the WGS 84 reference spheroid (negative below it). */
  altitudeCm: number
  /** The size and precision octets as sent (dig's form depends on the exponent, not only the value). */
  precisionOctets: [number, number, number]
}

const EQUATOR = 2 ** 31
const ALTITUDE_BASE = 10_000_000

function precision(octet: number, what: string): number {
  const mantissa = octet >> 4
  const exponent = octet & 0x0f
  if (mantissa > 9 || exponent > 9) throw new RdataError(`LOC ${what} 0x${octet.toString(16)} is not a valid size (digits above 9)`)
  return mantissa * 10 ** exponent
}

export function readLoc(r: RdataReader): LocFields {
  const version = r.u8()
  if (version !== 0) throw new RdataError(`LOC version ${version} is unknown (only 0 exists)`)
  const precisionOctets: [number, number, number] = [r.u8(), r.u8(), r.u8()]
  const sizeCm = precision(precisionOctets[0], 'size')
  const horizontalPrecisionCm = precision(precisionOctets[1], 'horizontal precision')
  const verticalPrecisionCm = precision(precisionOctets[2], 'vertical precision')
  const latitudeMas = r.u32() - EQUATOR
  const longitudeMas = r.u32() - EQUATOR
  const altitudeCm = r.u32() - ALTITUDE_BASE
  if (Math.abs(latitudeMas) > 90 * 3_600_000) throw new RdataError('LOC latitude beyond 90°')
  if (Math.abs(longitudeMas) > 180 * 3_600_000) throw new RdataError('LOC longitude beyond 180°')
  return { sizeCm, horizontalPrecisionCm, verticalPrecisionCm, latitudeMas, longitudeMas, altitudeCm, precisionOctets }
}

interface Angle {
  degrees: number
  minutes: number
  seconds: number
  thousandths: number
}

function angle(mas: number): Angle {
  const abs = Math.abs(mas)
  return {
    thousandths: abs % 1000,
    seconds: Math.floor(abs / 1000) % 60,
    minutes: Math.floor(abs / 60_000) % 60,
    degrees: Math.floor(abs / 3_600_000)
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

function metresDig(octet: number): string {
  // BIND: an exponent of 2 or more is whole metres, below that 0.NN m
  const cm = (octet >> 4) * 10 ** (octet & 0x0f)
  return (octet & 0x0f) >= 2 ? `${cm / 100}m` : `0.${pad(cm, 2)}m`
}

function metresKnot(cm: number): string {
  return cm % 100 === 0 ? `${cm / 100}m` : `${(cm / 100).toFixed(2)}m`
}

function altitudeDig(cm: number): string {
  const abs = Math.abs(cm)
  return `${cm < 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad(abs % 100, 2)}m`
}

function altitudeKnot(cm: number): string {
  const abs = Math.abs(cm)
  const whole = abs % 100 === 0 ? `${abs / 100}` : `${Math.floor(abs / 100)}.${pad(abs % 100, 2)}`
  return `${cm < 0 ? '-' : ''}${whole}m`
}

/** dig: `52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m`. */
export function locDigText(f: LocFields): string {
  const lat = angle(f.latitudeMas)
  const lon = angle(f.longitudeMas)
  return [
    `${lat.degrees} ${lat.minutes} ${lat.seconds}.${pad(lat.thousandths, 3)} ${f.latitudeMas >= 0 ? 'N' : 'S'}`,
    `${lon.degrees} ${lon.minutes} ${lon.seconds}.${pad(lon.thousandths, 3)} ${f.longitudeMas >= 0 ? 'E' : 'W'}`,
    altitudeDig(f.altitudeCm),
    ...f.precisionOctets.map(metresDig)
  ].join(' ')
}

/** kdig: `52 22 23 N  4 53 32 E  -2m  0m 10000m 10m`. */
export function locKnotText(f: LocFields): string {
  const part = (a: Angle, mark: string) =>
    `${a.degrees} ${a.minutes} ${a.seconds}${a.thousandths ? `.${pad(a.thousandths, 3)}` : ''} ${mark}`
  return (
    `${part(angle(f.latitudeMas), f.latitudeMas >= 0 ? 'N' : 'S')}  ` +
    `${part(angle(f.longitudeMas), f.longitudeMas >= 0 ? 'E' : 'W')}  ` +
    `${altitudeKnot(f.altitudeCm)}  ${metresKnot(f.sizeCm)} ${metresKnot(f.horizontalPrecisionCm)} ${metresKnot(f.verticalPrecisionCm)}`
  )
}

export function isLocFields(value: unknown): value is LocFields {
  const f = value as Partial<LocFields> | undefined
  return typeof f?.latitudeMas === 'number' && typeof f.longitudeMas === 'number' && typeof f.altitudeCm === 'number' &&
    typeof f.sizeCm === 'number' && typeof f.horizontalPrecisionCm === 'number' && typeof f.verticalPrecisionCm === 'number' &&
    Array.isArray(f.precisionOctets)
}
