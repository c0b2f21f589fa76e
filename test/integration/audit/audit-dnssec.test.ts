import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRow } from '@shared/audit'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { runAudit } from '../../../electron/audit/run-audit'
import { zoneHead, zoneOf } from '../alias-server/support/zones'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { tempDirForSuite } from '../../support/suite-temp-dir'
import { stopAll } from '../../support/stop-all'

/** The DNSSEC column asks every resolver: a validating Unbound and one that only passes RRSIGs on. */

const ORIGIN = 'signed.test.'
const ZONE = [zoneHead(ORIGIN, 3600, 60), '@ 60 IN A 192.0.2.7'].join('\n')

describe('audit DNSSEC column from every resolver', () => {
  const dir = tempDirForSuite('alias-inspector-audit-dnssec-')
  let server: AliasServer
  let validating: UnboundServer
  let plain: UnboundServer

  beforeAll(async () => {
    server = await startAliasServer({ zones: [zoneOf(ZONE)], upstream: { mode: 'simulated' }, logQueries: false, dnssec: { keyDir: dir.path } })
    const anchor = (await readFile(`${dir.path}/signed.test+13.key`, 'utf8')).trim()
    validating = await startUnbound({ stubs: [{ zone: ORIGIN, port: server.port }], trustAnchors: [anchor] })
    plain = await startUnbound({ stubs: [{ zone: ORIGIN, port: server.port }] })
  }, 60_000)

  afterAll(() => stopAll(plain, validating, server))

  const audit = async (resolvers: Array<{ label: string; port: number }>): Promise<AuditRow> => {
    const rows: AuditRow[] = []
    await runAudit(
      [{ name: ORIGIN }],
      { resolvers: resolvers.map((r) => ({ transport: 'udp' as const, host: '127.0.0.1', port: r.port, label: r.label })), skipAuthoritative: true, targetFrom: 'none', timeoutMs: 2000 },
      { onRow: (row) => rows.push(row) }
    )
    expect(rows).toHaveLength(1)
    return rows[0]!
  }

  it('shows each resolver and the disagreement when one validates and the other does not', async () => {
    const row = await audit([
      { label: 'validating', port: validating.port },
      { label: 'plain', port: plain.port }
    ])
    expect(row.dnssec).toEqual({
      ad: false,
      rrsig: true,
      disagree: true,
      resolvers: [
        { resolver: 'validating', ad: true, rrsig: true },
        { resolver: 'plain', ad: false, rrsig: true }
      ]
    })
  })

  it('says AD without disagreement when the only resolver validates', async () => {
    const row = await audit([{ label: 'validating', port: validating.port }])
    expect(row.dnssec).toEqual({ ad: true, rrsig: true, resolvers: [{ resolver: 'validating', ad: true, rrsig: true }] })
  })
})
