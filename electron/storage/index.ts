/** Atomic files and the stores' plumbing. */
export { readJsonFile } from './atomic-file'
export { writeJsonFile } from './json-store'
export { serialQueue } from './serial'
