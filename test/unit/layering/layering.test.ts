import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const eslint = new ESLint({ cwd: root })

/** The layering messages ESLint gives `code` as if it were the file at `filePath` (relative to the repository). */
async function layering(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layering lint', { timeout: 30_000 }, () => {
  it('fails when an engine reaches upwards', async () => {
    const messages = await layering('electron/dns/probe.ts', "import { parseResolver } from '../resolvers'\nexport const p = parseResolver\n")
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/electron\/dns may import only shared\//)
    // the preferences domain sits beside storage: not on the lab, not on the switchboard
    const prefs = await layering('electron/preferences/probe.ts', "import { x } from '../services/preference-handlers'\nimport { y } from '../lab/lab-ports'\nexport const p = [x, y]\n")
    expect(prefs).toHaveLength(2)
  })

  it('fails when the inspector imports the ALIAS server or the lab', async () => {
    const code = "import { startAliasServer } from '../alias-server'\nimport { x } from '../lab/lab-service'\nexport const p = [startAliasServer, x]\n"
    expect(await layering('electron/inspector/probe.ts', code)).toHaveLength(2)
  })

  it('lets an engine import what is below it, directly or through a lower layer', async () => {
    const code = "import { query } from '../dns'\nimport { parseZone } from '../zone'\nimport { writeFileAtomic } from '../storage/atomic-file'\nexport const p = [query, parseZone, writeFileAtomic]\n"
    expect(await layering('electron/lab/probe.ts', code)).toEqual([])
  })

  it('keeps the hosts on services and public index files', async () => {
    expect(await layering('electron/cli/probe.ts', "import { parseResolver } from '../resolvers/parse-resolver'\nexport const p = parseResolver\n")).toHaveLength(1)
    expect(await layering('electron/cli/probe.ts', "import { parseResolver } from '../resolvers'\nexport const p = parseResolver\n")).toEqual([])
  })

  it('keeps test/ out of product code and test/support out of benchmarks', async () => {
    expect(await layering('shared/probe.ts', "import { x } from '../test/support/app-page'\nexport const p = x\n")).toHaveLength(1)
    expect(await layering('electron/zone/probe.ts', "import { x } from '../../bench/dnsperf'\nexport const p = x\n")).toHaveLength(1)
    expect(await layering('bench/probe.ts', "import { x } from '../test/support/app-page'\nexport const p = x\n")).toHaveLength(1)
    expect(await layering('bench/probe.ts', "import { x } from '../scripts/peers/knot'\nexport const p = x\n")).toEqual([])
    expect(await layering('bench/support/probe.ts', "import { x } from '../../test/integration/alias-server/support/ask'\nexport const p = x\n")).toHaveLength(1)
    expect(await layering('bench/probe.ts', "import { x } from '../test/fixtures/zones'\nexport const p = x\n")).toEqual([])
  })
})
