/** The converter's zone -> any writable format except flat (see convert.ts). */
import { writeDnscontrol } from './dnscontrol-write'
import type { FormatId } from './formats'
import type { ConvZone, WriteResult } from './model'
import { writeOctodns } from './octodns'
import { writeRoute53 } from './route53-json'
import { writeTerraformCloudflare, writeTerraformRoute53 } from './terraform'
import { writeAname, writeBind, writeCloudflare, writeRoute53Text } from './zone-text-write'

/** Each format's writer, and who takes what it writes (the lock-in report's rows, in this order). */
export const WRITERS: Record<Exclude<FormatId, 'flat'>, { provider: string; write: (zone: ConvZone) => WriteResult }> = {
  bind: { provider: 'PowerDNS (ALIAS)', write: writeBind },
  aname: { provider: 'Technitium, DNS Made Easy (ANAME)', write: writeAname },
  'route53-text': { provider: 'Route 53 (text form)', write: writeRoute53Text },
  route53: { provider: 'Route 53', write: writeRoute53 },
  'terraform-route53': { provider: 'Route 53 through Terraform', write: writeTerraformRoute53 },
  cloudflare: { provider: 'Cloudflare', write: writeCloudflare },
  'terraform-cloudflare': { provider: 'Cloudflare through Terraform', write: writeTerraformCloudflare },
  dnscontrol: { provider: 'dnscontrol (ALIAS where the provider has it)', write: writeDnscontrol },
  octodns: { provider: 'octoDNS', write: writeOctodns }
}
