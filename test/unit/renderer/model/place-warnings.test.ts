import { describe, expect, it } from 'vitest'
import { placeWarnings } from '../../../../renderer/src/model/convert/place-warnings'

const w = (record: string) => ({ record, message: 'm' })

describe('warnings beside the records they concern, in any output format', () => {
  it('zone text: relative owners, the apex as @, the type decides between lines of one owner', () => {
    const lines = ['$ORIGIN example.test.', '@ 300 IN CNAME cdn.test.', '@ 300 IN MX 10 mail.example.test.', 'blog 300 IN CNAME b.test. ; cf_tags=cf-flatten-cname', 'blogger 300 IN A 192.0.2.1']
    const { placed, unplaced } = placeWarnings(lines, [w('example.test. MX'), w('blog.example.test. ALIAS'), w('gone.example.test. SOA')], 'example.test.')
    expect([...placed.entries()].map(([i, list]) => [i, list.map((x) => x.record)])).toEqual([
      [2, ['example.test. MX']],
      [3, ['blog.example.test. ALIAS']]
    ])
    expect(unplaced.map((x) => x.record)).toEqual(['gone.example.test. SOA'])
  })

  it('JSON, YAML, JavaScript and HCL spellings', () => {
    const lines = ['"Name": "www.example.test.",', 'www:', '  CNAME("www", "x."),', '  name    = "www.example.test"']
    for (let i = 0; i < lines.length; i++) {
      const { placed } = placeWarnings([lines[i]], [w('www.example.test. CNAME')], 'example.test.')
      expect(placed.get(0)?.length, lines[i]).toBe(1)
    }
  })
})
