/** Atomic files and the stores' plumbing. */
export { readJsonFile, type JsonFileResult } from './atomic-file'
export { writeJsonFile, type JsonStoreLoad, type JsonStoreOptions } from './json-store'
export { serialQueue } from './serial'
