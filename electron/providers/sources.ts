/** The documents the profiles' rules cite, one constant each, so a rule's source is one click away. */
import type { RuleSource } from '@shared/providers'

const s = (title: string, url: string): RuleSource => ({ title, url })

export const ANAME_DRAFT = s('draft-ietf-dnsop-aname-04', 'https://datatracker.ietf.org/doc/html/draft-ietf-dnsop-aname-04')
export const RFC7871_PRIVACY = s('RFC 7871 §11 (ECS privacy)', 'https://www.rfc-editor.org/rfc/rfc7871#section-11')
export const RFC8767 = s('RFC 8767 (serve-stale)', 'https://www.rfc-editor.org/rfc/rfc8767')

export const PDNS_ALIAS = s('PowerDNS Authoritative: ALIAS (docs/guides/alias.rst)', 'https://doc.powerdns.com/authoritative/guides/alias.html')
export const PDNS_UNSIGNED = s('PowerDNS issues #10150 and #18040 (ALIAS answers unsigned)', 'https://github.com/PowerDNS/pdns/issues/10150')
export const PDNS_ECS = s('PowerDNS PR #13441 (ECS for ALIAS, 4.9)', 'https://github.com/PowerDNS/pdns/pull/13441')
export const PDNS_DIFFERENTIAL = s('our differential test against PowerDNS 4.7 (test/integration/providers/powerdns-differential.test.ts)', 'test/integration/providers/powerdns-differential.test.ts')
export const OUR_BENCHMARK = s('README, ALIAS server benchmark: PowerDNS sent one upstream query per client query', 'README.md#benchmark-1')

export const CF_DIAGRAM = s('Cloudflare: How CNAME flattening works', 'https://developers.cloudflare.com/dns/cname-flattening/cname-flattening-diagram/')
export const CF_FLATTENING = s('Cloudflare: CNAME flattening', 'https://developers.cloudflare.com/dns/cname-flattening/')
export const CF_SETUP = s('Cloudflare: CNAME flattening setup', 'https://developers.cloudflare.com/dns/cname-flattening/set-up-cname-flattening/')
export const CF_TRANSFER = s('Cloudflare: outgoing zone transfers, records transfer', 'https://developers.cloudflare.com/dns/zone-setups/zone-transfers/cloudflare-as-primary/transfer-criteria/')

export const R53_ALIAS = s('Amazon Route 53: Choosing between alias and non-alias records', 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html')

export const DNSIMPLE_ALIAS = s('DNSimple: ALIAS Records', 'https://support.dnsimple.com/articles/alias-record/')
export const DNSIMPLE_REFERENCE = s('DNSimple: ALIAS Record Reference', 'https://support.dnsimple.com/articles/alias-record-reference')
export const DNSIMPLE_SECONDARY = s('DNSimple: How ALIAS Records Resolve with Secondary DNS', 'https://support.dnsimple.com/articles/alias-and-secondary-dns')
export const DNSIMPLE_ECS = s('DNSimple: EDNS Client Subnet support for ALIAS records', 'https://support.dnsimple.com/articles/edns-client-subnet/')

export const NS1_ALIAS = s('NS1: About CNAME, ALIAS and linked records', 'https://help.ns1.com/hc/en-us/articles/360020248973-About-CNAME-ALIAS-and-linked-records')
export const NS1_TYPES = s('NS1: Supported record types (NS1-specific types are not in outgoing zone transfers)', 'https://help.ns1.com/hc/en-us/articles/360022091074')

export const AZURE_ALIAS = s('Azure DNS: alias records overview', 'https://learn.microsoft.com/azure/dns/dns-alias')

export const GOOGLE_ALIAS = s('Google Cloud DNS: DNS records overview, Alias records', 'https://cloud.google.com/dns/docs/records-overview')

export const TECHNITIUM_DNSSEC = s('Technitium DNS Server discussion #825 (ANAME/APP not in signed zones)', 'https://github.com/TechnitiumSoftware/DnsServer/discussions/825')

export const DME_TERMS = s('DNS Made Easy: DNS terminology, ANAME records', 'http://learndns.com/dnsterminology.html')
export const CONSTELLIX_ANAME = s('Constellix (DNS Made Easy\'s sister service): ANAME Records', 'https://support.constellix.com/support/solutions/articles/47000849453-aname-records')

export const DYN_ALIAS = s('Dyn Help Center: Enabling Alias records in Managed DNS', 'https://help.dyn.com/enabling-alias-records-in-managed-dns/')
export const DYN_API = s('Dyn Help Center: Get ALIAS records (API)', 'https://help.dyn.com/get-alias-records-api')
export const DYN_RETIRED = s("Le Monde Informatique: Oracle ends Dyn's enterprise DNS services, customers moved to Oracle Cloud Infrastructure DNS", 'https://www.lemondeinformatique.fr/actualites/lire-oracle-suscite-la-gronde-des-clients-dyn-en-imposant-son-dns-cloud-75775.html')

export const ULTRADNS_APEX_ALIAS = s('UltraDNS Managed Services Portal User Guide: Apex Alias Records', 'https://docs.ultradns.com/Content/MSP_User_Guide/Content/User%20Guides/MSP_User_Guide/Records/Apex%20Alias%20Records.htm')
export const ULTRADNS_FAQ = s('UltraDNS support: Apex Alias Frequently Asked Questions', 'https://dns.ultraproducts.support/hc/en-us/articles/4409649081499-Apex-Alias-Frequently-Asked-Questions')
export const ULTRADNS_HOST_ALIAS = s('UltraDNS support: Apex Alias vs HOST_ALIAS', 'https://dns.ultraproducts.support/hc/en-us/articles/49830915490331-Apex-Alias-vs-HOST-ALIAS')
