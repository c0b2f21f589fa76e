import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { requireTool } from './require-tool'
import { tempDir } from './temp-dir'

const run = promisify(execFile)

export interface TestCerts {
  dir: string
  /** PEM file of the test CA (pass its contents as `ca` to the engine). */
  caPath: string
  /** The CA certificate as PEM text. */
  caPem: string
  /** Server certificate (SAN IP:127.0.0.1, IP:::1, DNS:localhost, DNS:dns.test), signed by the CA. */
  certPath: string
  keyPath: string
  /** Removes the folder; safe to call twice. */
  cleanup(): Promise<void>
}

/** A throw-away CA and a server certificate for 127.0.0.1 / localhost / dns.test (EC P-256). */
export async function makeTestCerts(): Promise<TestCerts> {
  const openssl = requireTool('openssl', 'openssl')
  const temp = await tempDir('alias-inspector-certs-')
  const dir = temp.path
  const p = (file: string): string => join(dir, file)
  const ssl = async (args: string[]): Promise<void> => {
    try {
      await run(openssl, args, { cwd: dir, timeout: 20_000 })
    } catch (error) {
      const e = error as { stderr?: string; message: string }
      await temp.cleanup()
      throw new Error(`openssl ${args[0]} failed: ${e.stderr || e.message}`)
    }
  }
  await ssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', p('ca.key')])
  await ssl([
    'req', '-x509', '-new', '-key', p('ca.key'), '-sha256', '-days', '2',
    '-subj', '/CN=ALIAS Inspector Test CA', '-out', p('ca.pem'),
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign'
  ])
  await ssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', p('server.key')])
  await ssl(['req', '-new', '-key', p('server.key'), '-subj', '/CN=dns.test', '-out', p('server.csr')])
  await writeFile(
    p('server.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost,DNS:dns.test',
      ''
    ].join('\n')
  )
  await ssl([
    'x509', '-req', '-in', p('server.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'),
    '-CAcreateserial', '-days', '2', '-sha256', '-extfile', p('server.ext'), '-out', p('server.pem')
  ])
  let cleaned = false
  return {
    dir,
    caPath: p('ca.pem'),
    caPem: await readFile(p('ca.pem'), 'utf8'),
    certPath: p('server.pem'),
    keyPath: p('server.key'),
    async cleanup() {
      if (cleaned) return
      cleaned = true
      await temp.cleanup()
    }
  }
}
