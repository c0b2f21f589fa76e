/**
 * Domain names, once: presentation form (parse, print, escapes), the canonical form and the tests
 * on it (equality, ancestors), and the IDN conversions for what people type and read.
 */
export * from './canonical'
export * from '@shared/names'
export * from './idn'
export * from './presentation'
export { encodeName as nameToWire } from '../wire-name'
