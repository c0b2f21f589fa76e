import { execFile } from 'node:child_process'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConvertArgs } from '../../../electron/cli/convert-args'
import { tempDirForSuite } from '../../support/suite-temp-dir'

const ROOT = resolve(__dirname, '../../..')
const GOLDEN = resolve(ROOT, 'test/fixtures/convert/golden')

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'electron/cli/convert.ts', ...args], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) =>
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
    )
    if (stdin !== undefined) child.stdin!.end(stdin)
  })
}

describe('convert arguments', () => {
  it('parses flags in both spellings', () => {
    expect(parseConvertArgs(['z.zone', '--from', 'bind', '--to=octodns', '-o', 'out.yaml', '--origin', 'example.com'])).toEqual({
      input: 'z.zone',
      from: 'bind',
      to: 'octodns',
      origin: 'example.com',
      resolver: undefined,
      output: 'out.yaml',
      report: false
    })
  })
  it.each([
    [['z', '--from', 'bind'], /--to FORMAT is missing/],
    [['z', '--from', 'flat', '--to', 'bind'], /flat is write-only/],
    [['z', '--from', 'bind', '--to', 'yaml'], /--to yaml is not a format/],
    [['z', '--from', 'bind', '--to', 'flat'], /--to flat needs --resolver/],
    [['--from', 'bind', '--to', 'bind'], /INPUT is missing/]
  ])('refuses %j', (args, message) => {
    expect(() => parseConvertArgs(args)).toThrow(message)
  })
})

describe('npm run convert', () => {
  const dir = tempDirForSuite('convert-cli-')

  it('writes to -o atomically, warnings on stderr one line each naming the record, exit 0', async () => {
    const out = join(dir.path, 'example.com.yaml')
    const r = await run([join(GOLDEN, 'bind.zone'), '--from', 'bind', '--to', 'octodns', '-o', out])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toEqual([
      'warning: example.com. SOA (line 4): octoDNS does not manage the SOA and manages the root NS only for some providers; not written',
      'warning: example.com. NS (line 5): octoDNS does not manage the SOA and manages the root NS only for some providers; not written'
    ])
    expect(await readFile(out, 'utf8')).toMatch(/^---\n"":\n {2}- type: ALIAS/)
    expect((await readdir(dir.path)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  }, 60_000)

  it('reads standard input with -', async () => {
    const r = await run(['-', '--from', 'octodns', '--to', 'bind', '--origin', 'example.com'], await readFile(join(GOLDEN, 'octodns.yaml'), 'utf8'))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^@\s+300 IN ALIAS d111111abcdef8\.cloudfront\.net\.$/m)
    expect(r.stderr).toMatch(/^warning: example\.com\. SOA: octoDNS zone files have no SOA; a placeholder SOA was added$/m)
  }, 60_000)

  it('gives file, line and column and exits non-zero on bad input', async () => {
    const bad = join(dir.path, 'bad.zone')
    await writeFile(bad, '$ORIGIN example.com.\n$TTL 60\n@ SOA ns1 h 1 2 3 4 5\nwww A 300.1.1.1\n')
    const r = await run([bad, '--from', 'bind', '--to', 'route53'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`error: ${bad}:4:7: "300.1.1.1" is not an IPv4 address\n`)
  }, 60_000)

  it('prints the lock-in report', async () => {
    const r = await run([join(GOLDEN, 'bind.zone'), '--from', 'bind', '--report'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^route53\s+Route 53\s+as-is$/m)
    expect(r.stdout).toMatch(/^google-cloud-dns\s+Google Cloud DNS\s+as-is$/m)
  }, 60_000)
})
