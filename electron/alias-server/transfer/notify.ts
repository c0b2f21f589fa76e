/** DNS NOTIFY (RFC 1996) to a secondary over UDP, retried until it answers. */
import { OPCODES, RR_TYPES } from '@shared/dns-codes'
import { createSocket } from 'node:dgram'
import { randomInt } from 'node:crypto'
import { nameToWire } from '../../dns/names'

export interface NotifyTarget {
  host: string
  port: number
}

function notifyMessage(zone: string, id: number): Buffer {
  const name = nameToWire(zone)
  const out = Buffer.alloc(12 + name.length + 4)
  out.writeUInt16BE(id, 0)
  out[2] = (OPCODES.NOTIFY << 3) | 0x04
  out.writeUInt16BE(1, 4)
  name.copy(out, 12)
  out.writeUInt16BE(RR_TYPES.SOA, 12 + name.length)
  out.writeUInt16BE(1, 14 + name.length)
  return out
}

/** Resolves with the response's RCODE, or rejects after `attempts` unanswered tries. */
export function sendNotify(zone: string, target: NotifyTarget, attempts = 3, timeoutMs = 1000): Promise<number> {
  const id = randomInt(0, 65536)
  const message = notifyMessage(zone, id)
  const socket = createSocket(target.host.includes(':') ? 'udp6' : 'udp4')
  return new Promise<number>((resolve, reject) => {
    let tries = 0
    let timer: NodeJS.Timeout | undefined
    const finish = (fn: () => void): void => {
      clearTimeout(timer)
      socket.close()
      fn()
    }
    const attempt = (): void => {
      if (tries++ >= attempts) return finish(() => reject(new Error(`no answer to NOTIFY from ${target.host}:${target.port} after ${attempts} tries`)))
      socket.send(message, target.port, target.host)
      timer = setTimeout(attempt, timeoutMs)
    }
    socket.on('message', (msg) => {
      if (msg.length >= 12 && msg.readUInt16BE(0) === id && (msg[2]! & 0x80) !== 0) finish(() => resolve(msg[3]! & 0x0f))
    })
    socket.on('error', (error) => finish(() => reject(error)))
    attempt()
  })
}
