/** Atomic files and the stores' plumbing. */
export { readJsonFile, writeFileAtomic, type JsonFileResult } from './atomic-file'
export { jsonStore, stuckFileError, writeJsonFile, type JsonStoreLoad, type JsonStoreOptions } from './json-store'
export { serialQueue } from './serial'
