import { createSocket, type Socket } from 'node:dgram'
import * as dnsPacket from 'dns-packet'

export interface TableRecord {
  name: string
  type: 'A' | 'AAAA' | 'NS' | 'CNAME' | 'SOA'
  ttl: number
  data: string
}

export interface TableServer {
  host: '127.0.0.1'
  port: number
  /** Questions received, as 'name TYPE rd|norec'. */
  readonly received: string[]
  stop(): Promise<void>
}

const lower = (name: string): string => name.toLowerCase().replace(/\.$/, '')

function toAnswer(record: TableRecord): dnsPacket.Answer {
  const name = lower(record.name)
  if (record.type === 'SOA') {
    const [mname, rname, serial, refresh, retry, expire, minimum] = record.data.split(/\s+/)
    return {
      name,
      type: 'SOA',
      ttl: record.ttl,
      data: {
        mname: lower(mname!),
        rname: lower(rname!),
        serial: Number(serial),
        refresh: Number(refresh),
        retry: Number(retry),
        expire: Number(expire),
        minimum: Number(minimum)
      }
    }
  }
  const data = record.type === 'NS' || record.type === 'CNAME' ? lower(record.data) : record.data
  return { name, type: record.type, ttl: record.ttl, data } as dnsPacket.Answer
}

/**
 * A loopback UDP server answering from a record table (CNAMEs inside the table followed), each
 * answer sent `delayMs` after the question: a stand-in for a slow resolver and a slow authority.
 */
export async function startTableServer(records: TableRecord[], delayMs: number): Promise<TableServer> {
  const received: string[] = []
  const socket: Socket = createSocket('udp4')
  const soa = records.find((r) => r.type === 'SOA')
  socket.on('message', (message, remote) => {
    let query: dnsPacket.Packet
    try {
      query = dnsPacket.decode(message)
    } catch {
      return
    }
    const question = query.questions?.[0]
    if (!question) return
    const rd = ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) !== 0
    received.push(`${lower(question.name)} ${question.type} ${rd ? 'rd' : 'norec'}`)
    const answers: dnsPacket.Answer[] = []
    let found = false
    let name = lower(question.name)
    for (let hops = 0; hops < 8; hops++) {
      const here = records.filter((r) => lower(r.name) === name)
      const exact = here.filter((r) => r.type === question.type)
      if (exact.length > 0) {
        answers.push(...exact.map(toAnswer))
        found = true
        break
      }
      const cname = here.find((r) => r.type === 'CNAME')
      if (!cname) break
      answers.push(toAnswer(cname))
      name = lower(cname.data)
    }
    const exists = records.some((r) => lower(r.name) === lower(question.name))
    const response = dnsPacket.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (rd ? dnsPacket.RECURSION_DESIRED : 0),
      questions: [question],
      answers,
      // a negative answer, also at the end of a chain, carries the SOA
      authorities: !found && soa ? [toAnswer(soa)] : []
    })
    if (!exists && answers.length === 0) response[3] = (response[3]! & 0xf0) | 3 // NXDOMAIN
    setTimeout(() => socket.send(response, remote.port, remote.address), delayMs)
  })
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()))
  return {
    host: '127.0.0.1',
    port: socket.address().port,
    received,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve()))
  }
}
