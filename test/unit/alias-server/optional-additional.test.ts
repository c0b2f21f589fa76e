import * as packet from 'dns-packet'
import { describe, expect, it } from 'vitest'
import { nameToWire } from '../../../electron/dns/names'
import { buildMessage, cutAt, fittingCut, type WireRecord } from '../../../electron/alias-server/wire/message-builder'

const a = (owner: string, last: number): WireRecord => ({ owner, type: 1, ttl: 300, rdata: Buffer.from([192, 0, 2, last]), text: `192.0.2.${last}` })
const mxRdata = (host: string) => Buffer.concat([Buffer.from([0, 10]), nameToWire(host)])

function built(withOpt: boolean) {
  return buildMessage({
    qname: 'example.test.',
    qnameWire: nameToWire('example.test.'),
    qtype: 15,
    qclass: 1,
    aa: true,
    rcode: 0,
    answer: ['mx1.example.test.', 'mx2.example.test.'].map((host) => ({ owner: 'example.test.', type: 15, ttl: 300, rdata: mxRdata(host), text: `10 ${host}` })),
    authority: [],
    additional: [a('glue.example.test.', 9)],
    // two RRsets: mx1 (two addresses), mx2 (one)
    extra: [a('mx1.example.test.', 1), a('mx1.example.test.', 2), a('mx2.example.test.', 3)],
    opt: withOpt ? { udpSize: 1232, dnssecOk: false, ede: [] } : null
  })
}

describe('optional Additional records (RFC 1034 §4.3.2 step 6, RFC 2181 §9)', () => {
  it('marks where the message may end: before each optional RRset and after the last', () => {
    const b = built(true)
    expect(b.extraCuts.map((c) => c.count)).toEqual([0, 2, 3])
    expect(fittingCut(b, b.wire.length)).toBe(2)
  })

  it('leaves out whole RRsets from the end until the response fits, keeping the OPT record and no TC', () => {
    const b = built(true)
    const cut = fittingCut(b, b.wire.length - 1)
    expect(cut).toBe(1)
    const out = cutAt(b, 1, cut)
    expect(out.length).toBeLessThan(b.wire.length)
    const decoded = packet.decode(out)
    expect(decoded.flags! & packet.TRUNCATED_RESPONSE).toBe(0)
    expect(decoded.answers).toHaveLength(2)
    expect(decoded.additionals!.map((r) => r.type)).toEqual(['A', 'A', 'A', 'OPT'])
    expect(decoded.additionals!.slice(0, 3).map((r) => r.name)).toEqual(['glue.example.test', 'mx1.example.test', 'mx1.example.test'])
  })

  it('keeps the required glue; when even that does not fit there is no cut (the caller sets TC)', () => {
    const b = built(false)
    const onlyGlue = packet.decode(cutAt(b, 1, fittingCut(b, b.extraCuts[0]!.end)))
    expect(onlyGlue.additionals!.map((r) => r.name)).toEqual(['glue.example.test'])
    expect(fittingCut(b, b.extraCuts[0]!.end - 1)).toBe(-1)
  })
})
