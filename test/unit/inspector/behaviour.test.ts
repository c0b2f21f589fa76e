import { describe, expect, it } from 'vitest'
import { inferBehaviour } from '../../../electron/inspector/behaviour'

describe('which profiles an apex fits', () => {
  it("the issue's example: an apex whose TTL equals the target's, aliasing a name neither AWS nor Azure, on self-hosted NS", () => {
    const b = inferBehaviour({ apex: 'example.org.', target: 'cdn.example.net.', apexTtl: 60, targetTtl: 60, aliasTypeAnswer: 'empty', nsNames: ['ns1.example.org.'] })
    expect(b.consistentWith).toContain('powerdns')
    const route53 = b.ruledOut.find((r) => r.profile === 'route53')
    expect(route53?.because).toContain('cdn.example.net. is neither a Amazon Route 53 resource nor in the same zone')
    expect(b.ruledOut.find((r) => r.profile === 'azure')?.because).toContain('neither')
  })

  it('an apex TTL above the ALIAS record rules out the lower-of rules and keeps passthrough', () => {
    const b = inferBehaviour({ apex: 'example.org.', apexTtl: 300, targetTtl: 300, aliasRecordTtl: 60, aliasTypeAnswer: 'unknown', nsNames: [] })
    expect(b.consistentWith).toContain('powerdns')
    expect(b.ruledOut.find((r) => r.profile === 'draft')?.because).toMatch(/exceeds the ALIAS record's \(60 s\)/)
  })

  it('NS names decide between managed providers, and an AWS target keeps Route 53', () => {
    const b = inferBehaviour({ apex: 'example.org.', target: 'd111111abcdef8.cloudfront.net.', apexTtl: 60, targetTtl: 60, aliasTypeAnswer: 'empty', nsNames: ['ns-1.awsdns-01.org.', 'ns-2.awsdns-02.com.'] })
    expect(b.consistentWith).toEqual(['route53'])
    expect(b.ruledOut.find((r) => r.profile === 'cloudflare')?.because).toContain('the NS names belong to Amazon Route 53')
  })

  it("an apex TTL above the target's rules out passthrough and the lower-of rules, and keeps the record's-TTL rule", () => {
    const b = inferBehaviour({ apex: 'example.org.', apexTtl: 600, targetTtl: 300, aliasTypeAnswer: 'unknown', nsNames: [] })
    for (const id of ['powerdns', 'route53', 'ns1', 'draft', 'cloudflare'] as const) expect(b.consistentWith).not.toContain(id)
    expect(b.consistentWith).toEqual(expect.arrayContaining(['dnsimple', 'azure', 'google', 'dnsmadeeasy']))
    expect(b.ruledOut.find((r) => r.profile === 'powerdns')?.because).toBe("the apex TTL (600 s) exceeds the target's (300 s); PowerDNS Authoritative serves the target's")
    expect(b.evidence).toContain('apex TTL 600 s')
  })
})
