import { afterAll, describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import type { TransferConfig } from '../../../electron/alias-server/transfer/transfer-service'
import { ask, datas } from '../alias-server/support/ask'
import { dig } from '../../../scripts/peers/dig'
import { zoneHead, zoneOf } from '../alias-server/support/zones'
import { startKnotSecondary } from '../../../scripts/peers/knot-secondary'
import { freePort } from '../../../scripts/peers/ports'
import { tempDir } from '../../../scripts/peers/temp-dir'

/** AXFR/IXFR from the ALIAS server, pulled by a real Knot secondary, raw and expanded. */

const ORIGIN = 'example.test.'
const ZONE = [zoneHead(ORIGIN, 3600, 60), '@ 60 IN ALIAS cdn.example.test.', 'static 300 IN A 192.0.2.80'].join('\n')

const stops: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const stop of stops.reverse()) await stop()
})

async function primary(transfer: TransferConfig, zone = ZONE, extra: Partial<Parameters<typeof startAliasServer>[0]> = {}): Promise<{ server: AliasServer; log: string[] }> {
  const log: string[] = []
  const server = await startAliasServer({ zones: [zoneOf(zone)], upstream: { mode: 'simulated' }, logQueries: false, transfer: { checkMs: 200, ...transfer }, onTransferLog: (l) => log.push(l), ...extra })
  stops.push(() => server.stop())
  return { server, log }
}

async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const started = Date.now()
  let last: T | undefined
  while (Date.now() - started < timeoutMs) {
    last = await probe()
    if (ok(last)) return last
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`)
}

describe('raw transfer (the default)', () => {
  it('carries the ALIAS record; a Knot secondary then has no apex address, and a target change neither bumps nor notifies', async () => {
    const { server, log } = await primary({ mode: 'raw' }, ZONE, { simulatedTarget: { ttl: 1 } })
    const axfr = await dig(server.port, ORIGIN, 'AXFR')
    expect(axfr).toMatch(/^example\.test\.\s+60\s+IN\s+TYPE65401\s+\\# 18 0363646E/m)
    const knot = await startKnotSecondary(ORIGIN, server.port)
    stops.push(() => knot.stop())
    const apex = await ask(knot.port, ORIGIN, 'A')
    expect([apex.header.rcode, apex.answer.length]).toEqual(['NOERROR', 0])
    expect(datas(await ask(knot.port, ORIGIN, 'TYPE65401'))).toHaveLength(1)
    expect(datas(await ask(knot.port, 'static.example.test.', 'A'))).toEqual(['192.0.2.80'])
    server.simulatedTarget.set({ a: ['192.0.2.77'] })
    await new Promise((resolve) => setTimeout(resolve, 2000))
    expect(datas(await ask(server.port, ORIGIN, 'A'))).toEqual(['192.0.2.77'])
    expect(await knot.serial()).toBe(1)
    expect(log.filter((l) => l.includes('NOTIFY') || l.includes('changed'))).toEqual([])
  }, 60_000)
})

describe('expanded transfer', () => {
  it('carries the resolved addresses; a target change bumps the serial and NOTIFY brings the Knot secondary up to date', async () => {
    const knotPort = await freePort()
    // the primary learns of a change when it re-resolves the target, i.e. when the target's TTL runs out
    const { server, log } = await primary({ mode: 'expanded', notify: [{ host: '127.0.0.1', port: knotPort }] }, ZONE, { simulatedTarget: { ttl: 1 } })
    const axfr = await dig(server.port, ORIGIN, 'AXFR')
    expect(axfr).not.toMatch(/TYPE65401/)
    expect(axfr).toMatch(/^example\.test\.\s+60\s+IN\s+A\s+192\.0\.2\.10$/m)
    const knot = await startKnotSecondary(ORIGIN, server.port, { port: knotPort })
    stops.push(() => knot.stop())
    expect(datas(await ask(knot.port, ORIGIN, 'A'))).toEqual(['192.0.2.10'])
    server.simulatedTarget.set({ a: ['192.0.2.77'] })
    await until('secondary serial', () => knot.serial(), (s) => s === 2).catch((error: Error) => {
      throw new Error(`${error.message}\nprimary log:\n${log.join('\n')}\nknot log:\n${knot.log().slice(-3000)}`)
    })
    expect(datas(await ask(knot.port, ORIGIN, 'A'))).toEqual(['192.0.2.77'])
    expect(log.some((l) => /NOTIFY example\.test\. to 127\.0\.0\.1:\d+ answered/.test(l))).toBe(true)
    expect(datas(await ask(server.port, ORIGIN, 'SOA'))[0]).toMatch(/ 2 3600 600 86400 60$/)
  }, 60_000)

  it('fails the transfer, with the reason logged, when a target cannot be resolved', async () => {
    const zone = [zoneHead(ORIGIN, 3600, 60), '@ 60 IN ALIAS unreachable.example.net.'].join('\n')
    const { server, log } = await primary({ mode: 'expanded' }, zone)
    const out = await dig(server.port, ORIGIN, 'AXFR')
    expect(out).toMatch(/Transfer failed|SERVFAIL/)
    expect(log.join('\n')).toMatch(/AXFR example\.test\. to 127\.0\.0\.1 failed: ALIAS example\.test\. → unreachable\.example\.net\. \(A\) cannot be resolved/)
  }, 30_000)
})

describe('refusals', () => {
  it('refuses a signed zone (no complete signed chain exists) and clients outside the allow list', async () => {
    const dir = await tempDir('alias-inspector-axfr-signed-')
    stops.push(() => dir.cleanup())
    const signed = await primary({ mode: 'raw' }, ZONE, { dnssec: { keyDir: dir.path } })
    expect(await dig(signed.server.port, ORIGIN, 'AXFR')).toMatch(/Transfer failed/)
    expect(signed.log.join('\n')).toMatch(/refused: the zone is signed online/)
    const closed = await primary({ mode: 'raw', allow: ['192.0.2.1'] })
    expect(await dig(closed.server.port, ORIGIN, 'AXFR')).toMatch(/Transfer failed/)
    expect(closed.log.join('\n')).toMatch(/127\.0\.0\.1 is not allowed to transfer/)
  }, 30_000)
})
