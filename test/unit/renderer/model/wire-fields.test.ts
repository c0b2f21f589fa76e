import * as packet from 'dns-packet'
import { describe, expect, it } from 'vitest'
import { fieldAt, hexToBytes, readName, walkWireFields, type WireField } from '../../../../renderer/src/model/inspect/wire-fields'

function response(): Uint8Array {
  return new Uint8Array(
    packet.encode({
      type: 'response',
      id: 0x1234,
      flags: packet.AUTHORITATIVE_ANSWER | packet.RECURSION_DESIRED,
      questions: [{ name: 'example.test', type: 'A', class: 'IN' }],
      answers: [
        { name: 'example.test', type: 'CNAME', class: 'IN', ttl: 300, data: 'cdn.example.test' },
        { name: 'cdn.example.test', type: 'A', class: 'IN', ttl: 60, data: '192.0.2.10' }
      ],
      authorities: [{ name: 'example.test', type: 'AAAA', class: 'IN', ttl: 7, data: '2001:db8::10' }],
      additionals: [
        {
          name: '.',
          type: 'OPT',
          udpPayloadSize: 1232,
          flags: packet.DNSSEC_OK,
          options: [
            { code: 3, data: Buffer.from('ns1') },
            { code: 15, data: Buffer.concat([Buffer.from([0, 3]), Buffer.from('stale')]) }
          ]
        } as unknown as packet.Answer
      ]
    })
  )
}

const find = (fields: WireField[], label: string): WireField => {
  const field = fields.find((f) => f.label === label)
  if (!field) throw new Error(`no field "${label}" among ${fields.map((f) => f.label).join(', ')}`)
  return field
}

describe('walkWireFields', () => {
  it('names every header field with its offsets and decoded value', () => {
    const { fields, problem } = walkWireFields(response())
    expect(problem).toBeUndefined()
    expect(find(fields, 'Header · ID')).toMatchObject({ start: 0, end: 2, value: String(0x1234) })
    expect(find(fields, 'Header · flags, opcode and rcode').value).toBe('qr aa rd · opcode QUERY · rcode NOERROR')
    expect(find(fields, 'Header · ANCOUNT (answers)')).toMatchObject({ start: 6, end: 8, value: '2' })
    expect(find(fields, 'Header · ARCOUNT (additional records)').value).toBe('1')
  })

  it('walks the question and every record, following compression pointers', () => {
    const bytes = response()
    const { fields } = walkWireFields(bytes)
    const qname = find(fields, 'Question 1 · QNAME')
    expect(qname).toMatchObject({ start: 12, value: 'example.test.' })
    expect(qname.end).toBe(12 + 'example.test'.length + 2)
    expect(find(fields, 'Question 1 · QTYPE').value).toBe('A')
    expect(find(fields, 'Answer 1 · NAME').value).toBe('example.test.')
    expect(find(fields, 'Answer 1 · RDATA').value).toBe('cdn.example.test.')
    expect(find(fields, 'Answer 2 · NAME').value).toBe('cdn.example.test.')
    const ttl = find(fields, 'Answer 2 · TTL')
    expect(ttl.value).toBe('60 s')
    expect(ttl.end - ttl.start).toBe(4)
    expect(Array.from(bytes.subarray(ttl.start, ttl.end))).toEqual([0, 0, 0, 60])
    expect(find(fields, 'Answer 2 · RDATA').value).toBe('192.0.2.10')
    expect(find(fields, 'Authority 1 · RDATA').value).toBe('2001:db8::10')
    expect(find(fields, 'Authority 1 · RDLENGTH').value).toBe('16')
  })

  it('follows compression pointers and marks only the in-place bytes of a name', () => {
    const name = [7, ...Buffer.from('example'), 4, ...Buffer.from('test'), 0]
    const bytes = new Uint8Array([
      0x00, 0x01, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0,
      ...name, 0, 1, 0, 1,
      // answer: www + pointer to the question name (offset 12), A, IN, TTL 300, 192.0.2.1
      3, ...Buffer.from('www'), 0xc0, 12, 0, 1, 0, 1, 0, 0, 1, 0x2c, 0, 4, 192, 0, 2, 1
    ])
    const { fields, problem } = walkWireFields(bytes)
    expect(problem).toBeUndefined()
    const owner = find(fields, 'Answer 1 · NAME')
    expect(owner).toMatchObject({ start: 12 + name.length + 4, value: 'www.example.test.' })
    expect(owner.end - owner.start).toBe(6)
    expect(find(fields, 'Answer 1 · TTL').value).toBe('300 s')
    expect(find(fields, 'Answer 1 · RDATA').value).toBe('192.0.2.1')
    expect(find(fields, 'Header · flags, opcode and rcode').value).toBe('qr rd ra · opcode QUERY · rcode NOERROR')
  })

  it('decodes the OPT record and its EDNS options', () => {
    const { fields } = walkWireFields(response())
    expect(find(fields, 'Additional 1 · OPT UDP payload size').value).toBe('1232 bytes')
    expect(find(fields, 'Additional 1 · OPT extended rcode, version, DO').value).toContain('DO')
    expect(find(fields, 'Additional 1 · EDNS option NSID').value).toContain('"ns1"')
    expect(find(fields, 'Additional 1 · EDNS option Extended DNS error').value).toBe('EDE code 3 "stale"')
  })

  it('covers every byte exactly once, in order', () => {
    const bytes = response()
    const { fields } = walkWireFields(bytes)
    let next = 0
    for (const field of fields) {
      expect(field.start).toBe(next)
      expect(field.end).toBeGreaterThan(field.start)
      next = field.end
    }
    expect(next).toBe(bytes.length)
    expect(fieldAt(fields, 5)?.name).toBe('QDCOUNT')
    expect(fieldAt(fields, bytes.length)).toBeUndefined()
  })

  it('reports a truncated message with the fields read so far, without throwing', () => {
    const bytes = response().subarray(0, 40)
    const walk = walkWireFields(bytes)
    expect(walk.problem).toMatch(/past the end|ends inside/)
    expect(walk.fields.map((f) => f.name)).toContain('QNAME')
    expect(walkWireFields(new Uint8Array(5)).problem).toMatch(/shorter than the 12-byte header/)
  })

  it('refuses compression pointers that do not point backwards (no loops)', () => {
    const bytes = new Uint8Array([0xc0, 0x00])
    expect(() => readName(bytes, 0)).toThrow(/does not point backwards/)
    const header = new Uint8Array(12)
    header[5] = 1 // one question
    const looping = new Uint8Array([...header, 0xc0, 12, 0, 1, 0, 1])
    expect(walkWireFields(looping).problem).toMatch(/does not point backwards/)
  })
})

describe('hexToBytes', () => {
  it('parses hex and rejects what is not hex', () => {
    expect(Array.from(hexToBytes('00ff 10')!)).toEqual([0, 255, 16])
    expect(hexToBytes('abc')).toBeNull()
    expect(hexToBytes('zz')).toBeNull()
  })
})
