import { createSocket } from 'node:dgram'
import { connect } from 'node:net'
import * as dnsPacket from 'dns-packet'

/** A decoded response with its 4-bit RCODE (which dns-packet's typings omit). */
export type ProbeAnswer = dnsPacket.DecodedPacket & { rcodeCode: number }

/** A recursive query for `name`/`type` under a random ID. */
function question(name: string, type: dnsPacket.RecordType): { id: number; packet: dnsPacket.Packet } {
  const id = Math.floor(Math.random() * 65536)
  return { id, packet: { type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name, class: 'IN' }] } }
}

/**
 * A minimal DNS client independent of the engine under test, used by the fixtures to know when a
 * peer answers. Loopback only by construction of its callers.
 */
export async function probeUdp(
  port: number,
  name: string,
  type: dnsPacket.RecordType,
  timeoutMs = 500,
  host = '127.0.0.1'
): Promise<ProbeAnswer> {
  const { id, packet } = question(name, type)
  const query = dnsPacket.encode(packet)
  const socket = createSocket('udp4')
  try {
    return await new Promise<ProbeAnswer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer on udp ${host}:${port}`)), timeoutMs)
      socket.on('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
      socket.on('message', (message) => {
        try {
          const packet = dnsPacket.decode(message)
          if (packet.id !== id) return
          clearTimeout(timer)
          resolve({ ...packet, rcodeCode: message[3]! & 0x0f })
        } catch {
          // not ours
        }
      })
      socket.send(query, port, host)
    })
  } finally {
    socket.close()
  }
}

export async function probeTcp(
  port: number,
  name: string,
  type: dnsPacket.RecordType,
  timeoutMs = 1000,
  host = '127.0.0.1'
): Promise<dnsPacket.Packet> {
  const query = dnsPacket.streamEncode(question(name, type).packet)
  return new Promise<dnsPacket.Packet>((resolve, reject) => {
    const socket = connect(port, host)
    let buffer = Buffer.alloc(0)
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer on tcp ${host}:${port}`))
    }, timeoutMs)
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.on('connect', () => socket.write(query))
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk])
      if (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
        clearTimeout(timer)
        socket.destroy()
        try {
          resolve(dnsPacket.streamDecode(buffer))
        } catch (error) {
          reject(error as Error)
        }
      }
    })
  })
}

/** The SOA serial that the server answers for `origin`, or undefined. */
export async function soaSerial(port: number, origin: string): Promise<number | undefined> {
  const packet = await probeUdp(port, origin, 'SOA')
  const soa = packet.answers?.find((record) => record.type === 'SOA')
  return soa && soa.type === 'SOA' ? soa.data.serial : undefined
}

/** Whether the server answers the SOA of every origin. */
export async function servesEveryZone(port: number, origins: string[]): Promise<boolean> {
  for (const origin of origins) {
    if ((await soaSerial(port, origin)) === undefined) return false
  }
  return true
}
