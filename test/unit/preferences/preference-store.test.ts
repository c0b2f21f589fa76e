import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_RECENT_DOMAINS } from '@shared/preferences'
import { createPreferenceStore, PREFERENCES_FILE } from '../../../electron/preferences'
import { tempDirForEach } from '../../support/suite-temp-dir'

describe('the preference store (recent domains)', () => {
  const dir = tempDirForEach('alias-inspector-prefs-')

  it('starts empty, keeps the newest first, one entry per apex, and survives a new store', async () => {
    const store = createPreferenceStore(dir.path)
    expect((await store.recent()).domains).toEqual([])
    await store.addRecent('example.com', 'cdn.example.net')
    await store.addRecent('other.test.')
    const after = await store.addRecent('Example.COM.', 'edge.example.net')
    expect(after.domains.map((d) => [d.apex, d.target])).toEqual([
      ['Example.COM', 'edge.example.net'],
      ['other.test', undefined]
    ])
    const reopened = createPreferenceStore(dir.path)
    expect((await reopened.recent()).domains.map((d) => d.apex)).toEqual(['Example.COM', 'other.test'])
    expect((await reopened.removeRecent('example.com')).domains.map((d) => d.apex)).toEqual(['other.test'])
  })

  it('keeps the teaching setting beside recent domains, on by default, across a new store', async () => {
    const store = createPreferenceStore(dir.path)
    expect(await store.displaySettings()).toEqual({ teaching: true, theme: 'system' })
    await store.addRecent('example.com')
    expect(await store.setTeaching(false)).toEqual({ teaching: false, theme: 'system' })
    const reopened = createPreferenceStore(dir.path)
    expect(await reopened.displaySettings()).toEqual({ teaching: false, theme: 'system' })
    expect((await reopened.recent()).domains.map((d) => d.apex)).toEqual(['example.com'])
  })

  it('remembers the theme (system, light or dark) beside the teaching setting', async () => {
    const store = createPreferenceStore(dir.path)
    await store.setTeaching(false)
    expect(await store.setTheme('dark')).toEqual({ teaching: false, theme: 'dark' })
    const reopened = createPreferenceStore(dir.path)
    expect(await reopened.displaySettings()).toEqual({ teaching: false, theme: 'dark' })
    expect(await reopened.setTheme('system')).toEqual({ teaching: false, theme: 'system' })
  })

  it(`keeps at most ${MAX_RECENT_DOMAINS} and never loses one to concurrent adds`, async () => {
    const store = createPreferenceStore(dir.path)
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.addRecent(`d${i}.test`)))
    const { domains } = await createPreferenceStore(dir.path).recent()
    expect(domains).toHaveLength(MAX_RECENT_DOMAINS)
    expect(domains[0]!.apex).toBe('d24.test')
    // written atomically: no temp file is left behind
    expect((await readdir(dir.path)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('moves a corrupt file aside, says so, and starts again', async () => {
    await writeFile(join(dir.path, PREFERENCES_FILE), '{ not json')
    const store = createPreferenceStore(dir.path)
    const first = await store.recent()
    expect(first.domains).toEqual([])
    expect(first.warnings[0]).toMatch(/preferences\.json could not be used: it is not valid JSON.*moved to preferences\.json\.corrupt-/)
    await store.addRecent('example.com')
    const saved = JSON.parse(await readFile(join(dir.path, PREFERENCES_FILE), 'utf8')) as { version: number }
    expect(saved.version).toBe(1)
    expect((await readdir(dir.path)).some((f) => f.startsWith(`${PREFERENCES_FILE}.corrupt-`))).toBe(true)
  })
})
