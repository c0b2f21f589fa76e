import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = resolve(__dirname, '../../..')
const require = createRequire(import.meta.url)
// electron-builder's own schema and validator: the check `npm run dist` makes before it packages anything
const schema = require('app-builder-lib/scheme.json') as object
const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator') as {
  validateSchema(schema: object, config: unknown, options?: { name?: string }): void
}
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  linux: { target: string[]; icon: string; category: string; mimeTypes: string[] }
  fileAssociations: Array<{ ext: string; mimeType: string }>
  protocols: Array<{ schemes: string[] }>
}

describe('electron-builder.yml', () => {
  // compiling electron-builder's schema takes seconds on a busy machine
  it('matches electron-builder\'s schema', { timeout: 60_000 }, () => {
    expect(() => validateSchema(schema, config, { name: 'electron-builder.yml' })).not.toThrow()
  })

  it('would be refused by that schema if it were wrong (the check is real)', () => {
    expect(() => validateSchema(schema, { ...config, linux: { ...config.linux, mimeType: 'text/dns' } })).toThrow(/configuration\.linux/)
    expect(() => validateSchema(schema, { ...config, protocols: [{ scheme: 'alias-inspector' }] })).toThrow(/protocols.0 misses the property 'schemes'/)
  })

  it('builds an AppImage and a deb carrying the icon, the categories and the MIME types', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    const icon = readFileSync(resolve(root, config.linux.icon))
    // a PNG of at least 512×512 (electron-builder derives the smaller sizes)
    expect(icon.subarray(1, 4).toString()).toBe('PNG')
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
    expect(config.linux.category.split(';')).toEqual(['Network', 'Development'])
    expect(config.linux.mimeTypes).toContain('text/dns')
  })

  it('flips the fuses the security checklist asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true
    })
  })

  it('associates .zone and text/dns (RFC 4027), never .db, and registers the alias-inspector scheme', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'zone', mimeType: 'text/dns' })])
    expect(JSON.stringify(config)).not.toMatch(/"db"|\.db\b/)
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['alias-inspector'])
  })
})
