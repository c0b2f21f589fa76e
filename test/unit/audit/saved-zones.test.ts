import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { listSavedZones, readSavedZone } from '../../../electron/audit/saved-zones'
import { tempDirForSuite } from '../../support/suite-temp-dir'

describe('saved zones as audit input', () => {
  const dir = tempDirForSuite('alias-inspector-saved-zones-')
  beforeAll(async () => {
    await mkdir(join(dir.path, 'zones'))
    await writeFile(join(dir.path, 'zones', 'b.test.zone'), '$ORIGIN b.test.\n@ 300 IN A 192.0.2.1\n')
    await writeFile(join(dir.path, 'zones', 'a%2fx.test.zone'), '@ 300 IN A 192.0.2.2\n')
    await writeFile(join(dir.path, 'zones', '.hidden.zone'), '')
    await writeFile(join(dir.path, 'secret.zone'), 'not in zones/')
  })

  it('lists the .zone files with their origin, stated or from the file name', async () => {
    const zones = await listSavedZones(dir.path)
    expect(zones.map((z) => [z.file, z.origin])).toEqual([
      ['a%2fx.test.zone', 'a/x.test.'],
      ['b.test.zone', 'b.test.']
    ])
  })

  it('reads only a file the listing names', async () => {
    await expect(readSavedZone(dir.path, 'b.test.zone')).resolves.toMatchObject({ origin: 'b.test.', text: expect.stringContaining('192.0.2.1') })
    await expect(readSavedZone(dir.path, '../secret.zone')).rejects.toMatchObject({ code: 'not-found' })
    await expect(readSavedZone(dir.path, '.hidden.zone')).rejects.toMatchObject({ code: 'not-found' })
  })
})
