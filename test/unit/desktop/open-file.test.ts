import { describe, expect, it } from 'vitest'
import type { WatchSession } from '@shared/inspector'
import { openFile } from '../../../electron/files/open-file'

const imported = { id: 'new' } as WatchSession
const deps = { importWatch: (text: string, name: string) => (text.includes('alias-inspector-watch') && name ? imported : (() => { throw new Error('not a watch export') })()) }

describe('what an opened file becomes', () => {
  it('a zone file goes to the editor as it is (without a byte-order mark)', () => {
    expect(openFile('a.zone', '\uFEFF$ORIGIN a.test.\n', deps)).toEqual({ kind: 'zone', name: 'a.zone', text: '$ORIGIN a.test.\n' })
    expect(openFile('b.zone', '; comment first\n@ IN SOA ns host 1 2 3 4 5\n', deps)).toMatchObject({ kind: 'zone' })
  })
  it('JSON is a watch export to import', () => {
    expect(openFile('w.json', '{"format":"alias-inspector-watch"}', deps)).toEqual({ kind: 'watch', name: 'w.json', session: imported })
  })
  it('refuses binary files, CSV exports and text that is neither, naming the file', () => {
    expect(() => openFile('x.zone', 'a\0b', deps)).toThrow(/x.zone is not a text file/)
    expect(() => openFile('w.csv', 'session_id,seq,resolver_index,resolver\r\n', deps)).toThrow(/w.csv is a CSV watch export/)
    expect(() => openFile('p.pdf', '%PDF-1.7\n', deps)).toThrow(/p.pdf does not look like a zone file or a watch export/)
  })
})
