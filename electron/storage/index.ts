/** Atomic files and the stores' plumbing. */
export { readJsonFile, writeFileAtomic, type JsonFileResult } from './atomic-file'
export { serialQueue } from './serial'
