import * as packet from 'dns-packet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { ask, datas } from './support/ask'
import { dig, kdig } from '../../../scripts/peers/dig'
import { frame, rcodeOf, tcpSession, udpBurst, udpRaw, wireQuery } from './support/raw-dns'
import { zoneHead, zoneOf } from './support/zones'

/** The authoritative protocol, against real clients: dig, kdig, raw sockets and the query engine. */

const ORIGIN = 'proto.test.'
const txt = (n: number, len: number): string => `"${String(n).padStart(2, '0')}-${'x'.repeat(len)}"`
const ZONE = [
  zoneHead(ORIGIN, 3600, 120),
  'www 300 IN A 192.0.2.1',
  'www 300 IN AAAA 2001:db8::1',
  'c1 120 IN CNAME c2',
  'c2 60 IN CNAME www',
  'out 300 IN CNAME www.elsewhere.example.',
  'dangling 300 IN CNAME nothere',
  'loop1 300 IN CNAME loop2',
  'loop2 300 IN CNAME loop1',
  '*.wild 300 IN A 192.0.2.99',
  '*.wild 300 IN TXT "wildcard"',
  'deep.ent.wild 300 IN A 192.0.2.77',
  'deleg 3600 IN NS ns.deleg',
  'ns.deleg 3600 IN A 192.0.2.54',
  ...Array.from({ length: 12 }, (_, i) => `big 300 IN TXT ${txt(i, 190)}`),
  ...Array.from({ length: 4 }, (_, i) => `mid 300 IN TXT ${txt(i, 150)}`)
].join('\n')

let server: AliasServer

beforeAll(async () => {
  server = await startAliasServer({ zones: [zoneOf(ZONE)], upstream: { mode: 'simulated' }, settings: { tcpIdleTimeoutMs: 1000, tcpMaxConnections: 4 } })
})
afterAll(async () => {
  await server?.stop()
})

describe('answers and rcodes', () => {
  it('answers NOERROR with AA for its own data', async () => {
    const r = await ask(server.port, 'www.proto.test', 'A')
    expect(r.header.rcode).toBe('NOERROR')
    expect(r.header.flags.aa).toBe(true)
    expect(r.header.flags.ra).toBe(false)
    expect(datas(r)).toEqual(['192.0.2.1'])
  })

  it('answers NXDOMAIN and NODATA with the SOA in authority, TTL min(SOA TTL, MINIMUM) (RFC 2308)', async () => {
    const nx = await ask(server.port, 'missing.proto.test', 'A')
    expect(nx.header.rcode).toBe('NXDOMAIN')
    expect(nx.header.flags.aa).toBe(true)
    expect(nx.answer).toEqual([])
    expect(nx.authority).toMatchObject([{ name: 'proto.test.', type: 'SOA', ttl: 120 }])
    const nodata = await ask(server.port, 'www.proto.test', 'MX')
    expect(nodata.header.rcode).toBe('NOERROR')
    expect(nodata.answer).toEqual([])
    expect(nodata.authority).toMatchObject([{ type: 'SOA', ttl: 120 }])
  })

  it('answers REFUSED without AA for names outside its zones', async () => {
    const r = await ask(server.port, 'example.org', 'A')
    expect(r.header.rcode).toBe('REFUSED')
    expect(r.header.flags.aa).toBe(false)
  })

  it('answers FORMERR to malformed queries it can read a header of, keeping the ID', async () => {
    const noQuestion = wireQuery('www.proto.test', 'A', 0x1111)
    noQuestion.writeUInt16BE(0, 4)
    const reply = await udpRaw(server.port, noQuestion)
    expect(reply && rcodeOf(reply)).toBe(1)
    expect(reply?.readUInt16BE(0)).toBe(0x1111)
    const twoQuestions = wireQuery('www.proto.test', 'A', 0x2222)
    twoQuestions.writeUInt16BE(2, 4)
    expect(rcodeOf((await udpRaw(server.port, twoQuestions))!)).toBe(1)
    const headerOnly = Buffer.from([0x33, 0x33, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    expect(rcodeOf((await udpRaw(server.port, headerOnly))!)).toBe(1)
  })

  it('does not reply to fewer than 12 octets, nor to responses', async () => {
    expect(await udpRaw(server.port, Buffer.from([1, 2, 3, 4, 5]), 300)).toBeUndefined()
    const response = wireQuery('www.proto.test', 'A')
    response[2] = response[2]! | 0x80
    expect(await udpRaw(server.port, response, 300)).toBeUndefined()
  })

  it('answers NOTIMP to opcodes other than QUERY', async () => {
    for (const opcode of [2, 4, 5]) {
      const q = wireQuery('www.proto.test', 'A', 0x4444)
      q[2] = (q[2]! & 0x87) | (opcode << 3)
      const reply = (await udpRaw(server.port, q))!
      expect(rcodeOf(reply)).toBe(4)
      expect((reply[2]! >> 3) & 0x0f).toBe(opcode)
    }
  })

  it('follows in-zone CNAME chains and stops at the zone edge, at a dangling end, and at a loop', async () => {
    const chain = await ask(server.port, 'c1.proto.test', 'A')
    expect(chain.answer.map((x) => `${x.name} ${x.type} ${x.data} ${x.ttl}`)).toEqual([
      'c1.proto.test. CNAME c2.proto.test. 120',
      'c2.proto.test. CNAME www.proto.test. 60',
      'www.proto.test. A 192.0.2.1 300'
    ])
    const out = await ask(server.port, 'out.proto.test', 'A')
    expect(out.header.rcode).toBe('NOERROR')
    expect(datas(out)).toEqual(['www.elsewhere.example.'])
    expect(out.authority).toEqual([])
    const dangling = await ask(server.port, 'dangling.proto.test', 'A')
    expect(dangling.header.rcode).toBe('NXDOMAIN')
    expect(datas(dangling, 'CNAME')).toEqual(['nothere.proto.test.'])
    expect(dangling.authority.map((x) => x.type)).toEqual(['SOA'])
    const loop = await ask(server.port, 'loop1.proto.test', 'A')
    expect(loop.header.rcode).toBe('NOERROR')
    expect(datas(loop)).toEqual(['loop2.proto.test.', 'loop1.proto.test.'])
  })

  it('synthesises from wildcards (RFC 4592), but not at or below an empty non-terminal', async () => {
    const a = await ask(server.port, 'anything.wild.proto.test', 'A')
    expect(a.answer).toMatchObject([{ name: 'anything.wild.proto.test.', type: 'A', data: '192.0.2.99' }])
    expect(a.header.flags.aa).toBe(true)
    const deeper = await ask(server.port, 'a.b.wild.proto.test', 'TXT')
    expect(deeper.answer).toMatchObject([{ name: 'a.b.wild.proto.test.', data: '"wildcard"' }])
    const nodata = await ask(server.port, 'anything.wild.proto.test', 'MX')
    expect(nodata.header.rcode).toBe('NOERROR')
    expect(nodata.answer).toEqual([])
    const ent = await ask(server.port, 'ent.wild.proto.test', 'A')
    expect(ent.header.rcode).toBe('NOERROR')
    expect(ent.answer).toEqual([])
    const belowEnt = await ask(server.port, 'x.ent.wild.proto.test', 'A')
    expect(belowEnt.header.rcode).toBe('NXDOMAIN')
    expect((await ask(server.port, 'deep.ent.wild.proto.test', 'A')).answer[0]?.data).toBe('192.0.2.77')
  })

  it('refers below a zone cut: no AA, the NS set and its glue', async () => {
    const r = await ask(server.port, 'host.deleg.proto.test', 'A')
    expect(r.header.rcode).toBe('NOERROR')
    expect(r.header.flags.aa).toBe(false)
    expect(r.answer).toEqual([])
    expect(r.authority).toMatchObject([{ name: 'deleg.proto.test.', type: 'NS', data: 'ns.deleg.proto.test.' }])
    expect(r.additional).toMatchObject([{ name: 'ns.deleg.proto.test.', type: 'A', data: '192.0.2.54' }])
  })

  it("keeps the query's case in the question and the first answer owner (dig)", async () => {
    const out = await dig(server.port, 'WwW.PrOtO.tEsT', 'A', '+norec')
    expect(out).toMatch(/;WwW\.PrOtO\.tEsT\.\s+IN\s+A/)
    expect(out).toMatch(/\nWwW\.PrOtO\.tEsT\.\s+300\s+IN\s+A\s+192\.0\.2\.1/)
    expect(out).toMatch(/flags: qr aa;/)
  })
})

describe('EDNS(0)', () => {
  it('echoes OPT (version 0, our payload size, the DO bit) and omits it for queries without EDNS', async () => {
    const r = await ask(server.port, 'www.proto.test', 'A', { udpSize: 4096, dnssecOk: true })
    expect(r.edns).toMatchObject({ version: 0, udpSize: 1232, dnssecOk: true })
    const plain = await ask(server.port, 'www.proto.test', 'A', { dnssecOk: false })
    expect(plain.edns?.dnssecOk).toBe(false)
    const none = await ask(server.port, 'www.proto.test', 'A', { edns: false })
    expect(none.edns).toBeUndefined()
    expect(datas(none)).toEqual(['192.0.2.1'])
  })

  it('answers BADVERS (with an OPT of version 0) to EDNS versions other than 0', async () => {
    const out = await dig(server.port, 'www.proto.test', 'A', '+edns=1', '+noednsnegotiation')
    expect(out).toMatch(/status: BADVERS/)
    expect(out).toMatch(/EDNS: version: 0/)
    expect(out).toMatch(/ANSWER: 0/)
  })

  it("truncates whole answers that do not fit the client's size: question + OPT with TC, complete over TCP", async () => {
    const udp = await ask(server.port, 'big.proto.test', 'TXT', { tcpFallback: false })
    expect(udp.header.flags.tc).toBe(true)
    expect(udp.answer).toEqual([])
    expect(udp.edns?.version).toBe(0)
    expect(udp.sizes.response).toBeLessThanOrEqual(1232)
    const tcp = await ask(server.port, 'big.proto.test', 'TXT', { transport: 'tcp' })
    expect(tcp.header.flags.tc).toBe(false)
    expect(tcp.answer).toHaveLength(12)
    const mid1232 = await ask(server.port, 'mid.proto.test', 'TXT', { tcpFallback: false })
    expect(mid1232.answer).toHaveLength(4)
    const mid512 = await ask(server.port, 'mid.proto.test', 'TXT', { tcpFallback: false, udpSize: 512 })
    expect(mid512.header.flags.tc).toBe(true)
    const midNoEdns = await ask(server.port, 'mid.proto.test', 'TXT', { tcpFallback: false, edns: false })
    expect(midNoEdns.header.flags.tc).toBe(true)
    const fallback = await ask(server.port, 'big.proto.test', 'TXT')
    expect(fallback.truncatedRetried).toBe(true)
    expect(fallback.answer).toHaveLength(12)
  })

  it('caps the payload at 1232 even when the client offers more (kdig +bufsize=4096)', async () => {
    const out = await kdig(server.port, '+bufsize=4096', '+notcp', '+ignore', '+norec', 'big.proto.test', 'TXT')
    expect(out).toMatch(/Flags: qr aa tc;/)
    expect(out).toMatch(/ANSWER: 0;/)
    expect(out).toMatch(/UDP size: 1232 B/)
  })
})

describe('TCP', () => {
  it('answers pipelined queries on one connection', async () => {
    const session = await tcpSession(server.port)
    session.write(
      Buffer.concat([
        frame(wireQuery('www.proto.test', 'A', 1)),
        frame(wireQuery('www.proto.test', 'AAAA', 2)),
        frame(wireQuery('c1.proto.test', 'A', 3))
      ])
    )
    const answers = await session.responses(3)
    expect(answers.map((a) => a.id).sort()).toEqual([1, 2, 3])
    expect(answers.find((a) => a.id === 2)?.answers?.[0]).toMatchObject({ type: 'AAAA', data: '2001:db8::1' })
    session.close()
  })

  it('reassembles frames split across writes, octet by octet', async () => {
    const session = await tcpSession(server.port)
    const bytes = frame(wireQuery('www.proto.test', 'A', 7))
    for (const b of bytes) {
      session.write(Buffer.from([b]))
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    expect((await session.responses(1))[0]).toMatchObject({ id: 7, answers: [{ data: '192.0.2.1' }] })
    session.close()
  })

  it('keeps answering others while a client sits on half a frame, then drops it after the idle timeout', async () => {
    const slow = await tcpSession(server.port)
    let slowClosed = false
    void slow.closed.then(() => (slowClosed = true))
    slow.write(frame(wireQuery('www.proto.test', 'A', 9)).subarray(0, 5))
    const started = Date.now()
    const other = await ask(server.port, 'www.proto.test', 'A', { transport: 'tcp' })
    expect(datas(other)).toEqual(['192.0.2.1'])
    expect(slowClosed).toBe(false)
    await slow.closed
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('closes the oldest idle connection when full, not the newcomer', async () => {
    const held = await Promise.all(Array.from({ length: 4 }, () => tcpSession(server.port)))
    const before = server.counters().tcpEvictions
    const extra = await tcpSession(server.port)
    extra.write(frame(wireQuery('www.proto.test', 'A', 10)))
    expect(await extra.responses(1, 2000)).toMatchObject([{ id: 10, answers: [{ data: '192.0.2.1' }] }])
    await held[0]!.closed
    expect(server.counters().tcpEvictions).toBe(before + 1)
    for (const h of held) h.close()
    extra.close()
  })
})

describe('ANY (RFC 8482)', () => {
  it('answers ANY over UDP with one RRset and over TCP with every RRset, for dig and kdig alike', async () => {
    const digUdp = await dig(server.port, 'www.proto.test', 'ANY', '+notcp', '+noall', '+answer')
    expect(digUdp.trim().split('\n').map((l) => l.split(/\s+/)[3])).toEqual(['A'])
    const kdigTcp = await kdig(server.port, 'www.proto.test', 'ANY', '+tcp', '+noall', '+answer')
    expect(kdigTcp.trim().split('\n').map((l) => l.split(/\s+/)[3]).sort()).toEqual(['A', 'AAAA'])
    // A name with many large records: the UDP answer stays one RRset, so no amplification.
    const big = await ask(server.port, 'big.proto.test', 'ANY')
    expect(new Set(big.answer.map((r) => r.type))).toEqual(new Set(['TXT']))
    const apex = await ask(server.port, 'proto.test', 'ANY')
    expect(new Set(apex.answer.map((r) => r.type)).size).toBe(1)
    const apexTcp = await ask(server.port, 'proto.test', 'ANY', { transport: 'tcp' })
    expect(new Set(apexTcp.answer.map((r) => r.type))).toEqual(new Set(['SOA', 'NS']))
  })
})

describe('response-rate limiting', () => {
  it('drops or slips (TC) responses over the limit per client prefix when on', async () => {
    const limited = await startAliasServer({
      zones: [zoneOf(ZONE)],
      upstream: { mode: 'simulated' },
      rateLimit: true,
      settings: { rateLimitPerSecond: 5, rateLimitSlip: 2 }
    })
    try {
      const queries = Array.from({ length: 30 }, (_, i) => wireQuery('www.proto.test', 'A', 100 + i))
      const replies = await udpBurst(limited.port, queries)
      const full = replies.filter((r) => (r[2]! & 0x02) === 0)
      const slipped = replies.filter((r) => (r[2]! & 0x02) !== 0)
      expect(full.length).toBeGreaterThanOrEqual(5)
      expect(full.length).toBeLessThanOrEqual(10)
      expect(slipped.length).toBeGreaterThan(0)
      expect(packet.decode(slipped[0]!).answers).toEqual([])
      expect(replies.length).toBeLessThan(30)
      expect(limited.counters().rateLimited).toBeGreaterThanOrEqual(20)
    } finally {
      await limited.stop()
    }
  })
})
