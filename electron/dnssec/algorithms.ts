/**
 * The two signing algorithms the server offers (RFC 8624 "MUST"s for signers), through node:crypto:
 * ECDSA P-256 with SHA-256 (13, RFC 6605) and Ed25519 (15, RFC 8080).
 */
import { dnssecAlgorithms } from '@shared/alias-server'
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'

export type AlgorithmName = (typeof dnssecAlgorithms)[number]

export const ALGORITHM_NUMBER: Record<AlgorithmName, number> = { ecdsap256sha256: 13, ed25519: 15 }

export function generatePrivateKey(algorithm: AlgorithmName): KeyObject {
  return algorithm === 'ed25519' ? generateKeyPairSync('ed25519').privateKey : generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey
}

/** The DNSKEY public key field: X || Y for P-256 (RFC 6605 §4), the raw 32 octets for Ed25519 (RFC 8080 §3). */
export function publicKeyField(algorithm: AlgorithmName, key: KeyObject): Buffer {
  const jwk = createPublicKey(key).export({ format: 'jwk' })
  const x = Buffer.from(jwk.x ?? '', 'base64url')
  return algorithm === 'ed25519' ? x : Buffer.concat([x, Buffer.from(jwk.y ?? '', 'base64url')])
}

/** The RRSIG signature field: r || s for P-256 (RFC 6605 §4), the 64-octet signature for Ed25519. */
export function signData(algorithm: AlgorithmName, key: KeyObject, data: Buffer): Buffer {
  return algorithm === 'ed25519' ? sign(null, data, key) : sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })
}

/** Checks a signature against a DNSKEY public key field (the inspector's own validation). */
export function verifyData(algorithmNumber: number, publicKey: Buffer, data: Buffer, signature: Buffer): boolean {
  try {
    if (algorithmNumber === 15) {
      const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') }, format: 'jwk' })
      return verify(null, data, key, signature)
    }
    if (algorithmNumber === 13 && publicKey.length === 64) {
      const jwk = { kty: 'EC', crv: 'P-256', x: publicKey.subarray(0, 32).toString('base64url'), y: publicKey.subarray(32).toString('base64url') }
      return verify('sha256', data, { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, signature)
    }
  } catch {
    return false
  }
  return false
}
