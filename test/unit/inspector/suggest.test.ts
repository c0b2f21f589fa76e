import { describe, expect, it } from 'vitest'
import type { RrsetObservation } from '@shared/inspector'
import { suggestTargets } from '../../../electron/inspector'
import { rrset as observed } from '../../support/rrset'

const rrset = (name: string, type: string, data: string[]): RrsetObservation =>
  observed(name, type, data.map((d) => ({ name, type, ttl: 300, data: d, receivedAtWallMs: 0, receivedAtMonoMs: 0 })), { durationMs: 1 })

describe('suggestTargets', () => {
  it('puts the apex ALIAS record first, once whatever the case, and drops a later source of the same name', () => {
    const sources = [
      {
        apexAlias: rrset('example.test.', 'ALIAS', ['cdn.example.test.']),
        apexHttps: rrset('example.test.', 'HTTPS', ['0 other.example.']),
        wwwCname: rrset('www.example.test.', 'CNAME', ['cdn.example.test.'])
      },
      { apexAlias: rrset('example.test.', 'ALIAS', ['CDN.example.test']) }
    ]
    const found = suggestTargets('Example.Test', sources)
    expect(found.map((s) => [s.name, s.source])).toEqual([
      ['cdn.example.test.', 'alias-record'],
      ['other.example.', 'https-alias']
    ])
    expect(found[0]!.reason).toMatch(/example\.test has an ALIAS record \(type 65401\) to cdn\.example\.test/)
  })

  it('ignores an ALIAS record that points at the apex itself', () => {
    expect(suggestTargets('example.test', [{ apexAlias: rrset('example.test.', 'ALIAS', ['example.test.']) }])).toEqual([])
  })

  it('lists the HTTPS AliasMode target and the www CNAME target, each once, with its reason', () => {
    const sources = [
      {
        apexCname: rrset('example.com.', 'CNAME', []),
        apexHttps: rrset('example.com.', 'HTTPS', ['0 svc.cdn.example.net.', '1 . alpn="h2"']),
        wwwCname: rrset('www.example.com.', 'CNAME', ['Edge.CDN.example.net.'])
      },
      { wwwCname: rrset('www.example.com.', 'CNAME', ['edge.cdn.example.net.']) }
    ]
    expect(suggestTargets('example.com', sources)).toEqual([
      {
        name: 'svc.cdn.example.net.',
        source: 'https-alias',
        reason: "the apex's HTTPS record is in AliasMode (priority 0) and points to svc.cdn.example.net"
      },
      {
        name: 'edge.cdn.example.net.',
        source: 'www-cname',
        reason: 'www.example.com is a CNAME to edge.cdn.example.net; apexes usually follow the same target'
      }
    ])
  })

  it('puts a CNAME at the apex first and ignores ServiceMode and "." targets', () => {
    const sources = [
      {
        apexCname: rrset('example.com.', 'CNAME', ['target.example.net.']),
        apexHttps: rrset('example.com.', 'HTTPS', ['1 other.example.net.', '0 .'])
      }
    ]
    const found = suggestTargets('example.com.', sources)
    expect(found.map((s) => [s.name, s.source])).toEqual([['target.example.net.', 'apex-cname']])
  })

  it('suggests nothing without hints', () => {
    expect(suggestTargets('example.com.', [{ wwwCname: rrset('www.example.com.', 'CNAME', []) }])).toEqual([])
  })
})
