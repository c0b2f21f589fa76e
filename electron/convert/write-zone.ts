/** The converter's zone -> any writable format except flat (see convert.ts). */
import { writeDnscontrol } from './dnscontrol-write'
import type { FormatId } from './formats'
import type { ConvZone, WriteResult } from './model'
import { writeOctodns } from './octodns'
import { writeRoute53 } from './route53-json'
import { writeTerraformCloudflare, writeTerraformRoute53 } from './terraform'
import { writeAname, writeBind, writeCloudflare, writeRoute53Text } from './zone-text-write'

type Writer = (zone: ConvZone) => WriteResult

export const WRITERS: Record<Exclude<FormatId, 'flat'>, Writer> = {
  bind: writeBind,
  aname: writeAname,
  'route53-text': writeRoute53Text,
  cloudflare: writeCloudflare,
  route53: writeRoute53,
  dnscontrol: writeDnscontrol,
  octodns: writeOctodns,
  'terraform-route53': writeTerraformRoute53,
  'terraform-cloudflare': writeTerraformCloudflare
}
