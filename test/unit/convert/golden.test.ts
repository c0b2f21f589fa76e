import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { convert, readZone, type FormatId } from '../../../electron/convert'
import { FIXTURES, rrsetsOf } from './helpers'

/** The same zone, written by hand in each format from that format's documentation (test/fixtures/convert/golden/). */
const GOLDEN: [FormatId, string][] = [
  ['bind', 'bind.zone'],
  ['aname', 'aname.zone'],
  ['route53-text', 'route53-text.zone'],
  ['cloudflare', 'cloudflare.txt'],
  ['route53', 'route53.json'],
  ['route53', 'route53-list.json'],
  ['dnscontrol', 'dnsconfig.js'],
  ['octodns', 'octodns.yaml']
]

const EXPECTED = [
  { name: 'example.com.', type: 'ALIAS', rdata: ['d111111abcdef8.cloudfront.net.'] },
  { name: 'example.com.', type: 'MX', rdata: ['10 mail.example.com.'] },
  { name: 'example.com.', type: 'TXT', rdata: ['"v=spf1 -all"'] },
  { name: 'mail.example.com.', type: 'A', rdata: ['192.0.2.25'] },
  { name: 'www.example.com.', type: 'CNAME', rdata: ['example.com.'] }
]
const providerManaged = (r: { name: string; type: string }): boolean => r.type === 'SOA' || (r.type === 'NS' && r.name === 'example.com.')
const golden = (name: string): string => readFileSync(resolve(FIXTURES, 'golden', name), 'utf8')

describe('golden inputs: each format read gives the same RRsets', () => {
  it.each(GOLDEN)('%s (%s)', async (format, name) => {
    const { zone } = await readZone(golden(name), format, { file: name, origin: 'example.com' })
    expect(zone.origin).toBe('example.com.')
    expect(rrsetsOf(zone, providerManaged).map(({ name: n, type, rdata }) => ({ name: n, type, rdata }))).toEqual(EXPECTED)
  })

  it('Route 53 and cli53 aliases keep their families and hosted zone', async () => {
    for (const [format, name] of [['route53', 'route53.json'], ['route53-text', 'route53-text.zone'], ['dnscontrol', 'dnsconfig.js']] as const) {
      const { zone } = await readZone(golden(name), format, { file: name, origin: 'example.com' })
      const alias = zone.records.find((r) => r.type === 'ALIAS')!
      expect(alias.alias?.families, name).toEqual(['A', 'AAAA'])
    }
    const { zone } = await readZone(golden('dnsconfig.js'), 'dnscontrol', { file: 'dnsconfig.js' })
    expect(zone.records.find((r) => r.type === 'ALIAS')?.alias?.hostedZoneId).toBe('Z2FDTNDATAQYW2')
  })
})

describe('golden outputs: bind.zone written in each format', () => {
  const WRITTEN: [FormatId, string][] = [
    ['aname', 'golden.aname.zone'],
    ['route53-text', 'golden.route53-text.zone'],
    ['cloudflare', 'golden.cloudflare.txt'],
    ['route53', 'golden.route53.json'],
    ['dnscontrol', 'golden.dnsconfig.js'],
    ['octodns', 'golden.octodns.yaml'],
    ['terraform-route53', 'golden.route53.tf'],
    ['terraform-cloudflare', 'golden.cloudflare.tf']
  ]
  it.each(WRITTEN)('%s', async (format, expected) => {
    const out = await convert(golden('bind.zone'), { from: 'bind', to: format, file: 'bind.zone' })
    expect(out.text).toBe(readFileSync(resolve(FIXTURES, 'expected', expected), 'utf8'))
  })
})

describe('Cloudflare specifics', () => {
  it('reads TTL 1 ("Auto") as 300 s, with a warning', async () => {
    const text = golden('cloudflare.txt').replace('mail.example.com.\t3600', 'mail.example.com.\t1')
    const { zone, warnings } = await readZone(text, 'cloudflare', { file: 'cf.txt' })
    expect(zone.records.find((r) => r.name === 'mail.example.com.')?.ttl).toBe(300)
    expect(warnings.map((w) => `${w.record} ${w.line}`)).toEqual(['mail.example.com. A 16'])
  })
})

describe('Cloudflare proxied records', () => {
  it('are named in a warning: the origin address is not what visitors got', async () => {
    const text = golden('cloudflare.txt').replace('192.0.2.25 ; cf_tags=cf-proxied:false', '192.0.2.25 ; cf_tags=cf-proxied:true')
    const { warnings } = await readZone(text, 'cloudflare', { file: 'cf.txt' })
    expect(warnings.map((w) => `${w.record} ${w.line}: ${w.message}`)).toEqual(['mail.example.com. A 16: proxied at Cloudflare, which answered with its own addresses; the converted record gives the origin'])
  })
})

describe('Route 53 octal escapes', () => {
  it('reads a listed wildcard (\\052) and octal TXT octets, and writes them back in octal', async () => {
    const list = JSON.stringify({
      ResourceRecordSets: [
        { Name: 'example.com.', Type: 'SOA', TTL: 900, ResourceRecords: [{ Value: 'ns1.example.com. h.example.com. 1 7200 900 1209600 86400' }] },
        { Name: '\\052.wild.example.com.', Type: 'A', TTL: 60, ResourceRecords: [{ Value: '192.0.2.7' }] },
        { Name: 'txt.example.com.', Type: 'TXT', TTL: 60, ResourceRecords: [{ Value: '"caf\\303\\251 \\"q\\""' }] }
      ]
    })
    const { zone } = await readZone(list, 'route53', { file: 'list.json' })
    expect(zone.records.map((r) => `${r.name} ${r.type} ${r.rdata.join(' ')}`).slice(1)).toEqual(['*.wild.example.com. A 192.0.2.7', 'txt.example.com. TXT "café \\"q\\""'])
    const back = await convert(list, { from: 'route53', to: 'route53', file: 'list.json' })
    expect(back.text).toContain('"Value": "\\"caf\\\\303\\\\251 \\\\\\"q\\\\\\"\\""')
  })
})

describe('provider spellings are found only outside quoted strings', () => {
  it('leaves "A ALIAS" and "CNAME" inside TXT alone', async () => {
    const text = '$ORIGIN example.com.\n$TTL 60\n@ SOA ns1 h 1 2 3 4 5\n@ TXT "x A ALIAS y" ; A ALIAS z.\nw TXT "a CNAME b"\n'
    for (const format of ['route53-text', 'cloudflare'] as const) {
      const { zone } = await readZone(text, format, { file: 't' })
      expect(zone.records.map((r) => `${r.name} ${r.type} ${r.rdata.join(' ')}`).slice(1), format).toEqual(['example.com. TXT "x A ALIAS y"', 'w.example.com. TXT "a CNAME b"'])
    }
  })
})
