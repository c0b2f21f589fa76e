/**
 * The reference signers, each timed on the same zone file with one ECDSA P-256 key and an NSEC chain:
 * ldns-signzone (ldnsutils) and dnssec-signzone (bind9-utils). Key generation is not timed.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

export interface PeerTiming {
  tool: string
  ms: number | null
  /** Why it was not measured (tool missing, failure). */
  note?: string
}

function which(command: string): string | null {
  for (const dir of ['/usr/bin', '/usr/sbin', '/bin', '/sbin']) {
    try {
      execFileSync('test', ['-x', join(dir, command)])
      return join(dir, command)
    } catch {
      // not there
    }
  }
  return null
}

function timed(tool: string, run: () => void): PeerTiming {
  try {
    const started = performance.now()
    run()
    return { tool, ms: performance.now() - started }
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string }
    return { tool, ms: null, note: `failed: ${(e.stderr?.toString() || e.message).split('\n')[0]}` }
  }
}

export function ldnsSignzone(dir: string, zoneFile: string, origin: string): PeerTiming {
  const keygen = which('ldns-keygen')
  const sign = which('ldns-signzone')
  if (!keygen || !sign) return { tool: 'ldns-signzone', ms: null, note: 'not installed (Debian package ldnsutils)' }
  const stem = execFileSync(keygen, ['-a', 'ECDSAP256SHA256', '-k', origin], { cwd: dir }).toString().trim()
  return timed('ldns-signzone', () => execFileSync(sign, ['-o', origin, '-f', join(dir, 'ldns.signed'), zoneFile, join(dir, stem)], { cwd: dir, stdio: 'pipe' }))
}

export function dnssecSignzone(dir: string, zoneFile: string, origin: string): PeerTiming[] {
  const keygen = which('dnssec-keygen')
  const sign = which('dnssec-signzone')
  if (!keygen || !sign) return [{ tool: 'dnssec-signzone', ms: null, note: 'not installed (Debian package bind9-utils)' }]
  const keyDir = join(dir, 'bind-keys')
  execFileSync('mkdir', ['-p', keyDir])
  execFileSync(keygen, ['-q', '-a', 'ECDSAP256SHA256', '-f', 'KSK', '-K', keyDir, origin])
  if (!readdirSync(keyDir).some((f) => f.endsWith('.key'))) return [{ tool: 'dnssec-signzone', ms: null, note: 'dnssec-keygen made no key' }]
  // -S: the key (and its DNSKEY) from -K; -z: that one key signs everything (a CSK, like ours); -P: no post-sign verification; -n: threads
  const run = (threads: number): PeerTiming =>
    timed(`dnssec-signzone -n ${threads}`, () => execFileSync(sign, ['-S', '-z', '-P', '-n', String(threads), '-d', dir, '-K', keyDir, '-o', origin, '-f', join(dir, 'bind.signed'), zoneFile], { stdio: 'pipe' }))
  return [run(1), run(2)]
}
