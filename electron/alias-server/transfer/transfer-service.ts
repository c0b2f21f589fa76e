/**
 * Zone transfers from the server (AXFR, RFC 5936; IXFR answered in AXFR form or with the SOA
 * alone when the client is current, RFC 1995 §4) over TCP, for the addresses allowed (loopback by
 * default). With `expanded`, the server watches its ALIAS targets: when what a transfer would carry
 * changes, the SOA serial goes up and the configured secondaries get a NOTIFY.
 */
import { RCODES, RR_TYPES } from '@shared/dns-codes'
import { frame } from '../../dns/transports/framing'
import type { ResolveContext } from '../alias-resolver'
import { isLoopback } from '@shared/resolver-target'
import { buildMessage, type WireRecord } from '../wire/message-builder'
import { skipName } from '../wire/question-reader'
import type { CompiledZone } from '../zone-set'
import { sendNotify, type NotifyTarget } from './notify'
import { expansionFingerprint, soaSerial, withSerial, zoneContent, type TransferMode } from './zone-content'

export interface TransferConfig {
  mode: TransferMode
  /** Client addresses allowed to transfer; 'any' allows all. Default: loopback only. */
  allow?: string[]
  notify?: NotifyTarget[]
  /** How often an expanded zone's targets are checked (default 1000 ms). */
  checkMs?: number
}

export interface TransferDeps {
  context: () => ResolveContext
  zones: () => CompiledZone[]
  /** Set when the server signs online: transfers are refused (see README). */
  signed: boolean
  /** Cached answers hold the old SOA serial: drop them. */
  servedChanged: () => void
  log: (line: string) => void
}

const EDE_PROHIBITED = 18
const RECORDS_PER_MESSAGE = 100

export class TransferService {
  private readonly base = new Map<string, number>()
  private readonly bumps = new Map<string, number>()
  private readonly fingerprints = new Map<string, string | null>()
  private timer: NodeJS.Timeout | null = null
  private checking = false

  constructor(
    readonly config: TransferConfig,
    private readonly deps: TransferDeps
  ) {
    if (config.mode === 'expanded') {
      this.timer = setInterval(() => void this.check(), config.checkMs ?? 1000)
      this.timer.unref()
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Called for each freshly compiled zone: keeps the serial bumps made for target changes. */
  adopt(zone: CompiledZone): void {
    const serial = soaSerial(zone.soa.rdata[0]!)
    if (this.base.get(zone.origin) !== serial) {
      this.base.set(zone.origin, serial)
      this.bumps.delete(zone.origin)
      this.fingerprints.delete(zone.origin)
    }
    this.applySerial(zone)
  }

  serial(origin: string): number | undefined {
    const base = this.base.get(origin)
    return base === undefined ? undefined : (base + (this.bumps.get(origin) ?? 0)) >>> 0
  }

  private applySerial(zone: CompiledZone): void {
    const serial = this.serial(zone.origin)
    if (serial === undefined || serial === soaSerial(zone.soa.rdata[0]!)) return
    zone.soa.rdata[0] = withSerial(zone.soa.rdata[0]!, serial)
    const fields = zone.soa.texts[0]!.split(' ')
    fields[2] = String(serial)
    zone.soa.texts[0] = fields.join(' ')
    zone.setRRset(zone.soa)
  }

  /** Compares what an expanded transfer would carry with the last look; a change bumps and notifies. */
  async check(): Promise<void> {
    // raw transfers carry no addresses: nothing to watch, and no lookups of our own to disturb the caches
    if (this.checking || this.config.mode !== 'expanded') return
    this.checking = true
    try {
      for (const zone of this.deps.zones()) {
        const now = await expansionFingerprint(this.deps.context(), zone)
        if (now === null) continue
        const before = this.fingerprints.get(zone.origin)
        this.fingerprints.set(zone.origin, now)
        if (before === undefined || before === null || before === now) continue
        this.bumps.set(zone.origin, (this.bumps.get(zone.origin) ?? 0) + 1)
        this.applySerial(zone)
        this.deps.servedChanged()
        this.deps.log(`transfer: ${zone.origin} ALIAS target addresses changed; serial ${this.serial(zone.origin)}`)
        for (const target of this.config.notify ?? []) {
          sendNotify(zone.origin, target).then(
            (rcode) => this.deps.log(`transfer: NOTIFY ${zone.origin} to ${target.host}:${target.port} answered (rcode ${rcode})`),
            (error: Error) => this.deps.log(`transfer: NOTIFY ${zone.origin} to ${target.host}:${target.port} failed: ${error.message}`)
          )
        }
      }
    } finally {
      this.checking = false
    }
  }

  private allowed(address: string): boolean {
    const allow = this.config.allow
    if (!allow || allow.length === 0) return isLoopback(address)
    const plain = address.replace(/^::ffff:/i, '')
    return allow.some((a) => a === 'any' || a === address || a === plain)
  }

  /** The framed response messages for one AXFR or IXFR query received over TCP. */
  async respond(msg: Buffer, question: { name: string; nameWire: Buffer; qtype: number; questionEnd: number }, address: string): Promise<Buffer> {
    const id = msg.readUInt16BE(0)
    const kind = question.qtype === RR_TYPES.IXFR ? 'IXFR' : 'AXFR'
    const fail = (rcode: number, reason: string, ede?: number): Buffer => {
      this.deps.log(`transfer: ${kind} ${question.name} to ${address} ${rcode === RCODES.SERVFAIL ? 'failed' : 'refused'}: ${reason}`)
      return frame(this.message(id, question, rcode, [], ede === undefined ? null : { code: ede, text: reason }))
    }
    if (!this.allowed(address)) return fail(RCODES.REFUSED, `${address} is not allowed to transfer`, EDE_PROHIBITED)
    const zone = this.deps.zones().find((z) => z.origin === question.name)
    if (!zone) return fail(RCODES.NOTAUTH, 'not a zone of this server')
    if (this.deps.signed) {
      return fail(RCODES.REFUSED, 'the zone is signed online (signatures and denial are made per query), so there is no complete signed zone to transfer', EDE_PROHIBITED)
    }
    const serial = this.serial(zone.origin) ?? soaSerial(zone.soa.rdata[0]!)
    const content = await zoneContent(this.deps.context(), zone, this.config.mode, serial)
    if (!content.ok) return fail(RCODES.SERVFAIL, content.reason)
    if (kind === 'IXFR' && ixfrClientSerial(msg, question.questionEnd) === serial) {
      this.deps.log(`transfer: IXFR ${zone.origin} to ${address}: already at serial ${serial}`)
      return frame(this.message(id, question, 0, [content.soa], null))
    }
    const all = [content.soa, ...content.records, content.soa]
    const frames: Buffer[] = []
    for (let i = 0; i < all.length; i += RECORDS_PER_MESSAGE) frames.push(frame(this.message(id, question, 0, all.slice(i, i + RECORDS_PER_MESSAGE), null)))
    this.deps.log(`transfer: ${kind} ${zone.origin} to ${address}: ${this.config.mode}, serial ${serial}, ${all.length} records`)
    return Buffer.concat(frames)
  }

  private message(id: number, q: { name: string; nameWire: Buffer; qtype: number }, rcode: number, answer: WireRecord[], ede: { code: number; text: string } | null): Buffer {
    const built = buildMessage({
      qname: q.name,
      qnameWire: q.nameWire,
      qtype: q.qtype,
      qclass: 1,
      aa: rcode === 0,
      rcode,
      answer,
      authority: [],
      additional: [],
      opt: ede ? { udpSize: 1232, dnssecOk: false, ede: [ede] } : null
    })
    built.wire.writeUInt16BE(id, 0)
    return built.wire
  }
}

/** The serial of the SOA an IXFR query carries in its authority section (RFC 1995 §3), or null. */
function ixfrClientSerial(msg: Buffer, questionEnd: number): number | null {
  if (msg.length < 12 || msg.readUInt16BE(8) < 1) return null
  const at = skipName(msg, questionEnd, msg.length)
  if (at < 0 || at + 10 > msg.length || msg.readUInt16BE(at) !== RR_TYPES.SOA) return null
  const mname = skipName(msg, at + 10, msg.length)
  const serial = mname < 0 ? -1 : skipName(msg, mname, msg.length)
  return serial >= 0 && serial + 4 <= msg.length ? msg.readUInt32BE(serial) : null
}
