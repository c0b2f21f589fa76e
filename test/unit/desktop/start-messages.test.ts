import { describe, expect, it } from 'vitest'
import { firstErrorLine, nodeVersionLine, runtimeMissingParagraph } from '../../../scripts/desktop/messages.mjs'

describe('npm start messages', () => {
  it('names an old Node in one line with what to install, and stays quiet from 22.12 on', () => {
    for (const old of ['20.19.0', '22.11.9', '18.20.4']) {
      const line = nodeVersionLine(old)!
      expect(line).toContain(`Node ${old} is older than 22.12`)
      expect(line).toContain('install Node 22.12 or later')
      expect(line).not.toContain('\n')
    }
    for (const recent of ['22.12.0', '22.20.1', '24.1.0']) expect(nodeVersionLine(recent)).toBeUndefined()
  })

  it('keeps the first line of a failure and drops the stack', () => {
    const output = 'Downloading Electron binary...\nTypeError: fetch failed\n    at node:internal/deps/undici:1:2\n'
    expect(firstErrorLine(output)).toBe('TypeError: fetch failed')
    expect(firstErrorLine('')).toBeUndefined()
    expect(firstErrorLine('x'.repeat(500))!.length).toBe(200)
  })

  it('says what is missing, how to fetch it and where the same app runs meanwhile, in one paragraph', () => {
    const text = runtimeMissingParagraph({ skipped: false, reason: 'TypeError: fetch failed' })
    expect(text).not.toContain('\n')
    expect(text).toContain('the Electron runtime is missing')
    expect(text).toContain('(TypeError: fetch failed)')
    expect(text).toContain('`npx --no install-electron`')
    expect(text).toContain('`npm run web` gives the same app in your browser')
  })
})
