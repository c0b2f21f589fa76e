import { describe, expect, it } from 'vitest'
import type { DnsQueryRequest, DnsQueryResult, DnsRecord } from '../../../shared/dns'
import { trace } from '../../../electron/trace/trace'

const rr = (name: string, type: string, data: string): DnsRecord => ({ name, type, typeCode: 0, class: 'IN', ttl: 300, data })

function response(parts: { answer?: DnsRecord[]; authority?: DnsRecord[]; additional?: DnsRecord[]; aa?: boolean; rcode?: string }): DnsQueryResult {
  return {
    header: { rcode: parts.rcode ?? 'NOERROR', flags: { aa: parts.aa ?? false } },
    answer: parts.answer ?? [],
    authority: parts.authority ?? [],
    additional: parts.additional ?? [],
    sizes: { query: 30, response: 100 },
    timing: { exchangeMs: 1, totalMs: 1 }
  } as unknown as DnsQueryResult
}

/** A fake network: the root server answers `. NS`, then whatever `byHost` says for the traced name. */
function net(byHost: Record<string, DnsQueryResult>) {
  const asked: string[] = []
  const ask = async (r: DnsQueryRequest): Promise<DnsQueryResult> => {
    asked.push(`${r.resolver.host} ${r.name} ${r.type} rd=${r.options?.rd}`)
    if (r.name === '.') return response({ answer: [rr('.', 'NS', 'a.root.')], additional: [rr('a.root.', 'A', '127.53.0.1')] })
    const out = byHost[r.resolver.host]
    if (!out) throw new Error(`timed out`)
    return out
  }
  return { ask, asked }
}

describe('trace', () => {
  it('follows referrals down to the answer, asking each zone with RD=0 on the start port', async () => {
    const { ask, asked } = net({
      '127.53.0.1': response({ authority: [rr('test.', 'NS', 'a.nic.test.')], additional: [rr('a.nic.test.', 'A', '127.53.0.2')] }),
      '127.53.0.2': response({ answer: [rr('www.test.', 'A', '192.0.2.1')], aa: true })
    })
    const r = await trace({ name: 'www.test', type: 'A', start: { host: '127.0.0.1', port: 5300 }, ask })
    expect(r.error).toBeUndefined()
    expect(r.steps.map((s) => [s.kind, s.zone, s.server.host])).toEqual([['root', '.', '127.0.0.1'], ['referral', 'test.', '127.53.0.1'], ['answer', 'test.', '127.53.0.2']])
    expect(asked).toEqual(['127.0.0.1 . NS rd=true', '127.53.0.1 www.test. A rd=false', '127.53.0.2 www.test. A rd=false'])
  })

  it('stops on a referral that does not lead down towards the name (hostile or lame)', async () => {
    const sideways = net({ '127.53.0.1': response({ authority: [rr('other.', 'NS', 'ns.other.')], additional: [rr('ns.other.', 'A', '127.0.0.9')] }) })
    const r = await trace({ name: 'www.test', type: 'A', start: { host: '127.0.0.1', port: 5300 }, ask: sideways.ask })
    expect(r.error).toBe('127.53.0.1 sent a referral to other., which does not lead from . towards www.test.')
    const upwards = net({
      '127.53.0.1': response({ authority: [rr('test.', 'NS', 'a.nic.test.')], additional: [rr('a.nic.test.', 'A', '127.53.0.2')] }),
      '127.53.0.2': response({ authority: [rr('.', 'NS', 'a.root.')], additional: [rr('a.root.', 'A', '127.53.0.1')] })
    })
    expect((await trace({ name: 'www.test', type: 'A', start: { host: '127.0.0.1', port: 5300 }, ask: upwards.ask })).error).toMatch(/referral to \., which does not lead from test\./)
  })

  it('reports a zone without glue or whose servers all fail', async () => {
    const noGlue = net({ '127.53.0.1': response({ authority: [rr('test.', 'NS', 'a.nic.test.')] }) })
    expect((await trace({ name: 'www.test', type: 'A', start: { host: '127.0.0.1', port: 5300 }, ask: noGlue.ask })).error).toBe('no address (glue) for any name server of test.')
    const dead = net({ '127.53.0.1': response({ authority: [rr('test.', 'NS', 'a.nic.test.')], additional: [rr('a.nic.test.', 'A', '127.53.0.2')] }) })
    expect((await trace({ name: 'www.test', type: 'A', start: { host: '127.0.0.1', port: 5300 }, ask: dead.ask })).error).toBe('no server of test. answered (127.53.0.2: timed out)')
  })
})
