/** Format conversion between providers' zone formats (plain Node; no electron imports). */
export { convert, type ConvertOptions, type ConvertResult } from './convert'
export { detectFormat, type Detection } from './detect'
export { ConvertError, ConvertErrors } from './errors'
export { FORMAT_IDS, READABLE_FORMATS, isFormatId, type FormatId } from './formats'
export { formatLockInReport, lockInReport, type LockInRow, type LockInStatus } from './lock-in'
export { readZone } from './read-zone'
export type { ConvRecord, ConvZone, ConvertWarning } from './model'
