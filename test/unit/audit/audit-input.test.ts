import { describe, expect, it } from 'vitest'
import { auditCsv, verdictCounts } from '@shared/audit-format'
import { looksLikeZone, parseAuditInput } from '../../../electron/audit/audit-input'

describe('audit input', () => {
  it('reads names with optional targets, skipping comments, blank lines and repeats', () => {
    const input = parseAuditInput('# apexes\nExample.com  cdn.example.net.\n\nexample.org ; no target\nexample.com\n')
    expect(input).toEqual({
      kind: 'list',
      entries: [{ name: 'example.com.', target: 'cdn.example.net.' }, { name: 'example.org.' }]
    })
  })

  it('converts IDNs to A-labels', () => {
    expect(parseAuditInput('bücher.example').entries).toEqual([{ name: 'xn--bcher-kva.example.' }])
  })

  it('names the line and column of a bad name and of an extra field', () => {
    expect(() => parseAuditInput('ok.test\nbad..name\n', 'apexes.txt')).toThrow(/apexes\.txt: line 2, column 1: "bad\.\.name" is not a valid name/)
    expect(() => parseAuditInput('a.test b.test c.test')).toThrow(/line 1, column 15: expected a name and at most one target, found "c\.test"/)
    expect(() => parseAuditInput('# nothing\n')).toThrow(/no names to audit/)
  })

  it('audits the owner names of a zone file, once each, without wildcards', () => {
    const zone = [
      '$ORIGIN shop.test.',
      '$TTL 300',
      '@ IN SOA ns1 hostmaster 1 7200 900 1209600 60',
      '@ IN NS ns1',
      'ns1 IN A 127.0.0.1',
      '@ IN ALIAS cdn.example.net.',
      'www IN CNAME cdn.example.net.',
      '* IN A 192.0.2.1'
    ].join('\n')
    expect(looksLikeZone(zone)).toBe(true)
    const input = parseAuditInput(zone)
    expect(input.kind).toBe('zone')
    expect(input.entries.map((e) => e.name)).toEqual(['shop.test.', 'ns1.shop.test.', 'www.shop.test.'])
  })

  it('reports zone file errors with their position', () => {
    expect(() => parseAuditInput('$ORIGIN z.test.\n@ 300x IN SOA ns1 h 1 2 3 4 5\n', 'z.zone')).toThrow(/z\.zone: line 2, column 3/)
  })
})

describe('audit export', () => {
  const row = { index: 0, name: 'a.test.', verdict: 'likely', target: 'cdn.test.', providers: ['Cloudflare'], profiles: ['cloudflare', 'dnsimple'], apexTtl: 60, targetTtl: 30, stalenessBound: 60, dnssec: { ad: true, rrsig: true }, errors: [], summary: '=cmd|x', durationMs: 5 }
  it('writes CSV with a header and defuses formula cells', () => {
    const csv = auditCsv([row, { ...row, name: 'b.test.', verdict: 'error', errors: ['timeout: x, y'] }])
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('name,verdict,target,target_source,providers,profiles,apex_ttl,target_ttl,staleness_bound_s,dnssec_ad,dnssec_rrsig,dnssec_disagree,dnssec_by_resolver,errors,summary')
    expect(lines[1]).toBe("a.test.,likely,cdn.test.,,Cloudflare,cloudflare | dnsimple,60,30,60,true,true,false,,,'=cmd|x")
    expect(lines[2]).toContain('"timeout: x, y"')
  })

  it('counts verdicts, most frequent first, whatever their ids', () => {
    expect(verdictCounts([row, { ...row, verdict: 'stale' }, { ...row, verdict: 'stale' }])).toEqual([
      { verdict: 'stale', count: 2 },
      { verdict: 'likely', count: 1 }
    ])
  })
})
