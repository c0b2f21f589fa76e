import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../electron/convert'
import { fixture } from './helpers'

describe('format detection', () => {
  it.each([
    ['golden/bind.zone', 'bind'],
    ['golden/aname.zone', 'aname'],
    ['golden/route53-text.zone', 'route53-text'],
    ['golden/cloudflare.txt', 'cloudflare'],
    ['golden/route53.json', 'route53'],
    ['golden/route53-list.json', 'route53'],
    ['golden/dnsconfig.js', 'dnscontrol'],
    ['golden/octodns.yaml', 'octodns'],
    ['expected/golden.cloudflare.txt', 'cloudflare']
  ])('%s is %s', (file, format) => {
    expect(detectFormat(fixture(file)).format).toBe(format)
  })
})
