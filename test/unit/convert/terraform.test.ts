import { parse } from '@cdktf/hcl2json'
import { describe, expect, it } from 'vitest'
import { convert } from '../../../electron/convert'
import { fixture } from './helpers'

const SOURCE = fixture('portable.zone')

type Resources = Record<string, Record<string, Record<string, unknown>[]>>

async function resources(to: 'terraform-route53' | 'terraform-cloudflare'): Promise<Resources> {
  const out = await convert(SOURCE, { from: 'bind', to, file: 'portable.zone' })
  const json = (await parse('main.tf', out.text)) as { resource: Resources; variable: Record<string, unknown> }
  expect(json.variable).toHaveProperty('zone_id')
  return json.resource
}

describe('Terraform output parses with @cdktf/hcl2json', () => {
  it('aws_route53_record: alias block, records with escapes', async () => {
    const r = (await resources('terraform-route53')).aws_route53_record
    expect(r.apex_alias_a[0]).toMatchObject({ name: 'example.test.', type: 'A', alias: [{ name: 'd111111abcdef8.cloudfront.net.', zone_id: 'Z2FDTNDATAQYW2', evaluate_target_health: false }] })
    expect(r.apex_alias_aaaa[0]).toMatchObject({ type: 'AAAA' })
    expect(r.quotes_txt[0].records).toEqual(['she said \\"hi\\"; then \\\\left'])
    expect(r.unicode_txt[0].records).toEqual(['caf\\303\\251 na\\303\\257ve \\303\\274n\\303\\257code \\342\\234\\223'])
    expect(r.apex_caa[0].records).toEqual(['0 issue "letsencrypt.org"', '128 iodef "mailto:security@example.test"'])
    expect(r._sip__tcp_srv[0].records).toEqual(['10 60 5060 sip.example.test.'])
    expect(r.wildcard_wild_a[0]).toMatchObject({ name: '*.wild.example.test.', records: ['192.0.2.7'] })
    expect(r.a_b_txt[0]).toMatchObject({ name: 'a\\.b.example.test.' })
    expect(r.apex_mx[0].records).toEqual(['10 mail.example.test.', '20 mx2.example.test.'])
  })

  it('cloudflare_dns_record: the apex alias is a CNAME, typed data for SRV and CAA', async () => {
    const r = (await resources('terraform-cloudflare')).cloudflare_dns_record
    expect(r.apex_cname[0]).toMatchObject({ name: 'example.test', type: 'CNAME', content: 'd111111abcdef8.cloudfront.net', ttl: 300, proxied: false })
    expect(r.quotes_txt[0].content).toBe('"she said \\"hi\\"; then \\\\left"')
    expect(r.unicode_txt[0].content).toBe('"café naïve ünïcode ✓"')
    expect(r._sip__tcp_srv[0].data).toEqual({ priority: 10, weight: 60, port: 5060, target: 'sip.example.test' })
    expect(r.apex_caa_2[0].data).toEqual({ flags: 128, tag: 'iodef', value: 'mailto:security@example.test' })
  })

  it('keeps ${ and %{ in values as text, not templates', async () => {
    const out = await convert(SOURCE.replace('"escaped name"', '"${var.x} %{ if }"'), { from: 'bind', to: 'terraform-route53', file: 'z' })
    expect(out.text).toContain('records = ["$${var.x} %%{ if }"]')
    // an unescaped ${var.x} would be a reference, and %{ if } without endif a template syntax error
    const json = (await parse('main.tf', out.text)) as { resource: Resources }
    expect(json.resource.aws_route53_record.a_b_txt[0].records).toHaveLength(1)
  })
})
