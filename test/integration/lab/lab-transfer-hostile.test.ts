/** The lab's AXFR client reads the stream as hostile: wrong IDs, garbage, a missing closing SOA, silence. */
import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { transferZone } from '../../../electron/lab/lab-transfer'

let server: Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

/** A TCP server on loopback that answers the first framed query with `reply(queryId)`. */
function serve(reply: (id: number, socket: Socket) => void): Promise<number> {
  return new Promise((resolve) => {
    server = createServer((socket) => {
      socket.once('data', (data: Buffer) => reply(data.readUInt16BE(2), socket))
      socket.on('error', () => {})
    })
    server.listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port))
  })
}
const framed = (message: Buffer) => Buffer.concat([Buffer.from([message.length >> 8, message.length & 0xff]), message])
/** A response header with one SOA-less answer count and nothing after it (truncated). */
const header = (id: number, ancount: number) => {
  const h = Buffer.alloc(12)
  h.writeUInt16BE(id, 0)
  h.writeUInt16BE(0x8400, 2)
  h.writeUInt16BE(ancount, 6)
  return h
}

describe('transferZone against a hostile server', () => {
  it('refuses an answer with another message ID', async () => {
    const port = await serve((id, socket) => socket.write(framed(header((id + 1) & 0xffff, 0))))
    await expect(transferZone(port, 'example.test.', 3000)).rejects.toThrow('another message ID')
  })

  it('reports a malformed message instead of crashing', async () => {
    const port = await serve((id, socket) => socket.write(framed(header(id, 3))))
    await expect(transferZone(port, 'example.test.', 3000)).rejects.toThrow(/is malformed/)
  })

  it('fails when the server closes before the closing SOA, and when it stays silent', async () => {
    const closing = await serve((_id, socket) => socket.end())
    await expect(transferZone(closing, 'example.test.', 3000)).rejects.toThrow('before its closing SOA')
    await new Promise<void>((resolve) => server!.close(() => resolve()))
    const silent = await serve(() => {})
    await expect(transferZone(silent, 'example.test.', 300)).rejects.toThrow('did not finish within 300 ms')
    server!.close()
    server = undefined
  })
})
