import { execFile, spawnSync } from 'node:child_process'
import { createSocket, type Socket } from 'node:dgram'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INSPECT_ORIGIN, zoneText } from '../../fixtures/zones'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { requireTool } from '../../../scripts/peers/require-tool'

const root = resolve(__dirname, '../../..')
const tsx = resolve(root, 'node_modules/.bin/tsx')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** `npm run query -- ...args` without npm: tsx with the node tsconfig (for the @shared alias). */
function query(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(tsx, ['--tsconfig', 'tsconfig.node.json', 'electron/cli/query.ts', ...args], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr })
    })
  })
}

function section(text: string, name: string): string[] {
  const m = new RegExp(`;; ${name} SECTION:\\n([\\s\\S]*?)\\n\\n`).exec(text)
  return m ? m[1]!.split('\n') : []
}

let knot: KnotServer
let dig: string
let server: string

beforeAll(async () => {
  dig = requireTool('dig', 'bind9-dnsutils')
  knot = await startKnot({ zones: { [INSPECT_ORIGIN]: zoneText('inspect.test') } })
  server = `@127.0.0.1:${knot.port}`
})
afterAll(() => knot?.stop())

describe('npm run query (electron/cli/query.ts) against Knot', () => {
  it('prints the answer the way dig does', async () => {
    const run = await query('inspect.test', 'A', server)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain(';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ')
    expect(run.stdout).toContain(`;; SERVER: 127.0.0.1#${knot.port}(127.0.0.1) (UDP)`)
    const real = spawnSync(dig, ['@127.0.0.1', '-p', String(knot.port), 'inspect.test', 'A'], { encoding: 'utf8' }).stdout
    expect(section(run.stdout, 'ANSWER')).toEqual(['inspect.test.\t\t300\tIN\tA\t192.0.2.1', 'inspect.test.\t\t300\tIN\tA\t192.0.2.2'])
    expect(section(run.stdout, 'ANSWER')).toEqual(section(real, 'ANSWER'))
    expect(section(run.stdout, 'QUESTION')).toEqual(section(real, 'QUESTION'))
    expect(/;; flags: [^\n]*/.exec(run.stdout)?.[0]).toBe(/;; flags: [^\n]*/.exec(real)?.[0])
  })

  it('answers NXDOMAIN with exit code 0 and the SOA in AUTHORITY, over TCP with +tcp', async () => {
    const run = await query('nope.inspect.test', 'AAAA', server, '+tcp', '+norecurse')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('status: NXDOMAIN')
    expect(run.stdout).toContain('(TCP)')
    expect(run.stdout).not.toMatch(/;; flags:[^;]* rd/)
    expect(section(run.stdout, 'AUTHORITY')[0]).toMatch(/^inspect\.test\.\t\t300\tIN\tSOA\tns1\.inspect\.test\. /)
  })

  it('prints RFC 8427 JSON with +json and bare data with +short', async () => {
    const json = await query('inspect.test', 'MX', server, '+json', '+nsid')
    expect(json.code, json.stderr).toBe(0)
    const message = JSON.parse(json.stdout)
    expect(message).toMatchObject({ QR: 1, AA: 1, RCODE: 0, QNAME: 'inspect.test.', QTYPEname: 'MX', ANCOUNT: 2 })
    expect(message.answerRRs.map((r: { rdataMX: string }) => r.rdataMX).sort()).toEqual(['10 mail.inspect.test.', '20 mail2.inspect.test.'])
    // kdig +json is RFC 8427 too: the members both print must agree (kdig adds RDATAHEX and the OPT record).
    const kdig = requireTool('kdig', 'knot-dnsutils')
    const reference = JSON.parse(spawnSync(kdig, ['@127.0.0.1', '-p', String(knot.port), 'inspect.test', 'MX', '+json'], { encoding: 'utf8' }).stdout)
    for (const key of ['QR', 'Opcode', 'AA', 'TC', 'RD', 'RA', 'AD', 'CD', 'RCODE', 'QDCOUNT', 'ANCOUNT', 'NSCOUNT', 'QNAME', 'QTYPE', 'QTYPEname', 'QCLASS', 'QCLASSname']) {
      expect(message[key], key).toEqual(reference[key])
    }
    const common = (rr: Record<string, unknown>) => ({ NAME: rr.NAME, TYPE: rr.TYPE, TYPEname: rr.TYPEname, CLASS: rr.CLASS, CLASSname: rr.CLASSname, TTL: rr.TTL, rdataMX: rr.rdataMX })
    expect(message.answerRRs.map(common)).toEqual(reference.answerRRs.map(common))
    const short = await query(server, '+short', 'inspect.test', 'MX')
    expect(short.stdout.split('\n').filter(Boolean).sort()).toEqual(['10 mail.inspect.test.', '20 mail2.inspect.test.'])
  })

  it('prints a dig command that the real dig runs to the same answer', async () => {
    const flags = ['+tcp', '+dnssec', '+nsid', '+norecurse', '+bufsize=4096', '+subnet=192.0.2.0/24']
    const ours = await query('_sip._tcp.inspect.test', 'SRV', server, ...flags)
    const cmd = await query('_sip._tcp.inspect.test', 'SRV', server, ...flags, '+digcmd')
    expect(cmd.code, cmd.stderr).toBe(0)
    expect(cmd.stdout).toMatch(new RegExp(`^dig @127\\.0\\.0\\.1 -p ${knot.port} _sip\\._tcp\\.inspect\\.test\\. SRV \\+tcp `))
    expect(cmd.stdout).toContain('+dnssec')
    const real = spawnSync('sh', ['-c', cmd.stdout.trim()], { encoding: 'utf8', env: { ...process.env, PATH: `${resolve(dig, '..')}:${process.env.PATH}` } })
    expect(real.status, real.stderr).toBe(0)
    expect(real.stdout).toContain('(TCP)')
    expect(real.stdout).toContain('; EDNS: version: 0, flags: do; udp: ')
    expect(section(real.stdout, 'ANSWER')).toHaveLength(2)
    expect(section(real.stdout, 'ANSWER')).toEqual(section(ours.stdout, 'ANSWER'))
    expect(/;; flags: [^;]*/.exec(real.stdout)?.[0]).toBe(/;; flags: [^;]*/.exec(ours.stdout)?.[0])
  })

  it('exits 1 with a clear message on bad input', async () => {
    const port = await query('inspect.test', '@127.0.0.1:99999')
    expect(port.code).toBe(1)
    expect(port.stderr).toContain('"127.0.0.1:99999": port 99999 is out of range (1-65535)')
    const label = await query(`${'a'.repeat(64)}.inspect.test`, server)
    expect(label.code).toBe(1)
    expect(label.stderr).toMatch(/label 1 .* is 64 octets; at most 63 are allowed/)
    const option = await query('inspect.test', server, '+frobnicate')
    expect(option.code).toBe(1)
    expect(option.stderr).toContain('unknown option +frobnicate')
    expect(option.stdout).toBe('')
  })

  describe('with a server that never answers', () => {
    let silent: Socket
    let silentPort: number
    beforeAll(async () => {
      silent = createSocket('udp4')
      await new Promise<void>((ok) => silent.bind(0, '127.0.0.1', ok))
      silentPort = silent.address().port
    })
    afterAll(() => silent?.close())

    it('exits 9 like dig after the timeout', async () => {
      const started = Date.now()
      const run = await query('inspect.test', `@127.0.0.1:${silentPort}`, '+timeout=1', '+retry=0')
      expect(run.code).toBe(9)
      expect(run.stderr).toContain(`127.0.0.1#${silentPort}`)
      expect(run.stderr).toContain('no servers could be reached')
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    })
  })
})
