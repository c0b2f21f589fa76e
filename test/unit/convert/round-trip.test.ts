import { describe, expect, it } from 'vitest'
import { convert, readZone, type FormatId } from '../../../electron/convert'
import { fixture, rrsetsOf } from './helpers'

const SOURCE = fixture('portable.zone')
const FILE = 'portable.zone'

/** What each format leaves to the provider (README: what each format cannot hold). */
const PROVIDER_MANAGED: Partial<Record<FormatId, (r: { name: string; type: string }) => boolean>> = {
  route53: (r) => r.type === 'SOA' || (r.type === 'NS' && r.name === 'example.test.'),
  octodns: (r) => r.type === 'SOA' || (r.type === 'NS' && r.name === 'example.test.'),
  dnscontrol: (r) => r.type === 'SOA'
}
/** Route 53 aliases have no TTL of their own. */
const ALIAS_TTL_LOST: FormatId[] = ['route53']

const READABLE: FormatId[] = ['bind', 'aname', 'route53-text', 'cloudflare', 'route53', 'dnscontrol', 'octodns']

describe('bind -> X -> bind keeps every RRset the format can hold', async () => {
  const original = (await readZone(SOURCE, 'bind', { file: FILE })).zone

  it.each(READABLE)('%s', async (format) => {
    const there = await convert(SOURCE, { from: 'bind', to: format, file: FILE })
    const back = await convert(there.text, { from: format, to: 'bind', file: `out.${format}`, origin: 'example.test.' })
    const again = (await readZone(back.text, 'bind', { file: 'back.zone' })).zone
    const skip = PROVIDER_MANAGED[format] ?? (() => false)
    let want = rrsetsOf(original, skip)
    let got = rrsetsOf(again, skip)
    if (ALIAS_TTL_LOST.includes(format)) {
      const noAliasTtl = <T extends { type: string; ttl: number }>(s: T): T => (s.type === 'ALIAS' ? { ...s, ttl: 0 } : s)
      want = want.map(noAliasTtl)
      got = got.map(noAliasTtl)
    }
    expect(got).toEqual(want)
    // the special data is there, byte for byte, in the format's own spelling
    expect(got.find((s) => s.name === 'unicode.example.test.')?.rdata).toEqual(['"café naïve ünïcode ✓"'])
    expect(got.find((s) => s.name === 'quotes.example.test.')?.rdata).toEqual(['"she said \\"hi\\"; then \\\\left"'])
    expect(got.find((s) => s.name === 'a\\.b.example.test.')?.type).toBe('TXT')
    expect(got.find((s) => s.name === '*.wild.example.test.')?.rdata).toEqual(['192.0.2.7'])
  })

  it('route53 carries non-ASCII TXT octets as octal escapes, as Route 53 documents', async () => {
    const out = await convert(SOURCE, { from: 'bind', to: 'route53', file: FILE })
    expect(out.text).toContain('"caf\\\\303\\\\251 na\\\\303\\\\257ve')
    expect(out.text).toContain('"\\"she said \\\\\\"hi\\\\\\"; then \\\\\\\\left\\""')
  })

  it('route53 -> bind warns that the placeholder SOA and the alias TTL were invented', async () => {
    const there = await convert(SOURCE, { from: 'bind', to: 'route53', file: FILE })
    const back = await convert(there.text, { from: 'route53', to: 'bind', file: 'x.json', origin: 'example.test' })
    expect(back.warnings.map((w) => w.record)).toEqual(expect.arrayContaining(['example.test. SOA', 'example.test. ALIAS']))
  })

  it('octoDNS names lost TXT string boundaries in a warning', async () => {
    const text = SOURCE.replace('"escaped name"', '"one" "two"')
    const out = await convert(text, { from: 'bind', to: 'octodns', file: FILE })
    expect(out.warnings.find((w) => w.record === 'a\\.b.example.test. TXT')?.message).toMatch(/boundaries/)
    expect(out.text).toContain('value: onetwo')
  })
})

describe('aliases below the apex', () => {
  const ZONE = `$ORIGIN example.test.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nblog ALIAS blog.provider.test.\nns1 A 192.0.2.1\n`

  it.each(['bind', 'aname', 'cloudflare', 'dnscontrol'] as FormatId[])('survive %s', async (format) => {
    const there = await convert(ZONE, { from: 'bind', to: format, file: 'z' })
    const back = await convert(there.text, { from: format, to: 'bind', file: 'x', origin: 'example.test' })
    expect(back.text).toMatch(/^blog\s+300 IN ALIAS blog\.provider\.test\.$/m)
  })

  it('cloudflare carries them as CNAMEs with the per-record flattening tag', async () => {
    const out = await convert(ZONE, { from: 'bind', to: 'cloudflare', file: 'z' })
    expect(out.text).toMatch(/^blog 300 IN CNAME blog\.provider\.test\. ; cf_tags=cf-flatten-cname$/m)
    expect(out.warnings.map((w) => w.record)).toEqual(['blog.example.test. ALIAS'])
  })
})
