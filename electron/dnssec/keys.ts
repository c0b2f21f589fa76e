/**
 * One combined signing key (CSK, flags 257) per zone and algorithm, generated on first use and
 * kept in the key directory: `<zone>+<alg>.private.json` (mode 0600, PKCS#8 PEM) and
 * `<zone>+<alg>.key` (the DNSKEY in presentation form, for `delv`/`unbound` trust anchors).
 * Both are written atomically; an existing pair is reused, so the DS stays the same across restarts.
 */
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto'
import { chmod, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { nameToWire } from '../dns/names'
import { writeFileAtomic } from '../storage/atomic-file'
import { dnssecAlgorithms } from '@shared/alias-server'
import { ALGORITHM_NUMBER, generatePrivateKey, publicKeyField, type AlgorithmName } from './algorithms'

const DNSKEY_FLAGS_CSK = 257
const DIGEST_SHA256 = 2

export interface ZoneKey {
  /** Canonical zone name. */
  zone: string
  algorithm: AlgorithmName
  algorithmNumber: number
  privateKey: KeyObject
  /** DNSKEY RDATA (flags, protocol 3, algorithm, public key). */
  dnskey: Buffer
  keyTag: number
  /** DS RDATA with a SHA-256 digest (RFC 4509). */
  ds: Buffer
  /** Where the key lives (absent for keys made in memory). */
  files?: { privateKey: string; dnskey: string }
}

const keyFileSchema = z.strictObject({ version: z.literal(1), zone: z.string(), algorithm: z.enum(dnssecAlgorithms), privateKeyPem: z.string(), created: z.string() })

/** RFC 4034 Appendix B. */
export function keyTag(dnskey: Buffer): number {
  let ac = 0
  for (let i = 0; i < dnskey.length; i++) ac += i & 1 ? dnskey[i]! : dnskey[i]! << 8
  ac += (ac >> 16) & 0xffff
  return ac & 0xffff
}

function dnskeyRdata(algorithm: AlgorithmName, privateKey: KeyObject): Buffer {
  const head = Buffer.from([DNSKEY_FLAGS_CSK >> 8, DNSKEY_FLAGS_CSK & 0xff, 3, ALGORITHM_NUMBER[algorithm]])
  return Buffer.concat([head, publicKeyField(algorithm, privateKey)])
}

/** RFC 4034 §5.1.4: digest over the owner name (canonical wire form) and the DNSKEY RDATA. */
export function dsRdata(zone: string, dnskey: Buffer): Buffer {
  const digest = createHash('sha256').update(nameToWire(zone)).update(dnskey).digest()
  const head = Buffer.alloc(4)
  head.writeUInt16BE(keyTag(dnskey), 0)
  head[2] = dnskey[3]!
  head[3] = DIGEST_SHA256
  return Buffer.concat([head, digest])
}

export function zoneKeyFrom(zone: string, algorithm: AlgorithmName, privateKey: KeyObject): ZoneKey {
  const dnskey = dnskeyRdata(algorithm, privateKey)
  return { zone, algorithm, algorithmNumber: ALGORITHM_NUMBER[algorithm], privateKey, dnskey, keyTag: keyTag(dnskey), ds: dsRdata(zone, dnskey) }
}

export const dnskeyText = (k: ZoneKey): string => `${k.zone} IN DNSKEY ${DNSKEY_FLAGS_CSK} 3 ${k.algorithmNumber} ${k.dnskey.subarray(4).toString('base64')}`
export const dsText = (k: ZoneKey): string => `${k.zone} IN DS ${k.keyTag} ${k.algorithmNumber} ${DIGEST_SHA256} ${k.ds.subarray(4).toString('hex').toUpperCase()}`

const fileStem = (zone: string, algorithm: AlgorithmName): string => `${zone === '.' ? 'root' : zone.replace(/\.$/, '').replace(/[^a-z0-9._-]/g, '_')}+${ALGORITHM_NUMBER[algorithm]}`

/** The zone's key from `dir`, made and stored there when there is none yet. */
export async function loadOrCreateKey(dir: string, zone: string, algorithm: AlgorithmName): Promise<ZoneKey> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const stem = fileStem(zone, algorithm)
  const files = { privateKey: join(dir, `${stem}.private.json`), dnskey: join(dir, `${stem}.key`) }
  let text: string | null = null
  try {
    text = await readFile(files.privateKey, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  if (text !== null) {
    let parsed
    try {
      parsed = keyFileSchema.parse(JSON.parse(text))
    } catch (error) {
      throw new Error(`${files.privateKey}: not a key file of this server (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`)
    }
    if (parsed.zone !== zone || parsed.algorithm !== algorithm) throw new Error(`${files.privateKey}: holds a key for ${parsed.zone} ${parsed.algorithm}, not ${zone} ${algorithm}`)
    return { ...zoneKeyFrom(zone, algorithm, createPrivateKey(parsed.privateKeyPem)), files }
  }
  const privateKey = generatePrivateKey(algorithm)
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  const body = { version: 1, zone, algorithm, privateKeyPem: pem, created: new Date().toISOString() }
  await writeFileAtomic(files.privateKey, `${JSON.stringify(body, null, 2)}\n`)
  await chmod(files.privateKey, 0o600)
  const key = { ...zoneKeyFrom(zone, algorithm, privateKey), files }
  await writeFileAtomic(files.dnskey, `${dnskeyText(key)}\n`)
  await chmod(files.dnskey, 0o644)
  return key
}
