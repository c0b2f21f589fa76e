/** Format conversion between providers' zone formats (plain Node; no electron imports). */
export { convert } from './convert'
export { detectFormat } from './detect'
export { ConvertError, ConvertErrors } from './errors'
export { FORMAT_IDS, READABLE_FORMATS, isFormatId, type FormatId } from './formats'
export { formatLockInReport, lockInReport } from './lock-in'
export { readZone } from './read-zone'
export type { ConvZone, ConvertWarning } from './model'
