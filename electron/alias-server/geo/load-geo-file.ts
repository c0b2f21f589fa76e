/** Reads and checks a `--geo FILE`: JSON syntax errors with their place, schema errors with their path. */
import { readFile } from 'node:fs/promises'
import { geoFileSchema, type GeoFile } from '@shared/geo'
import { describeIssues } from '@shared/errors'

export class GeoFileError extends Error {
  override name = 'GeoFileError'
}

export function parseGeoText(text: string, path: string): GeoFile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new GeoFileError(`${path}: not JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const r = geoFileSchema.safeParse(json)
  if (r.success) return r.data
  throw new GeoFileError(`${path}: not a geo file:\n  ${describeIssues(r.error.issues, { limit: 10, root: '(top level)', separator: '\n  ' })}`)
}

export async function loadGeoFile(path: string): Promise<GeoFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new GeoFileError(`${path}: cannot read: ${error instanceof Error ? error.message : String(error)}`)
  }
  return parseGeoText(text, path)
}
