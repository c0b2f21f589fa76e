import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { INTENDED_DIFFERENCES, type AllowKey } from './allow-list'

/** Where the Markdown tables land (one file per suite). */
export const parityDir = resolve(__dirname, '../../../test-results/parity')

export interface ParityRow {
  case: string
  peer: string
  theirs: string
  ours: string
  verdict: 'same' | `allowed: ${AllowKey}` | 'DIFFERENT'
}

function cell(text: string): string {
  if (text === '') return '(empty)'
  const html = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '&#124;').replace(/\t/g, '→')
  return `<code>${text.split('\n').filter((l) => l !== '').map(html).join('<br>')}</code>`
}

/**
 * A side-by-side table of our output and a reference peer's, one row per case, written as Markdown
 * under test-results/parity/ so a reader can scan it. `row()` returns the verdict; tests assert it.
 */
export class ParityReport {
  readonly rows: ParityRow[] = []

  constructor(
    private readonly file: string,
    private readonly title: string,
    private readonly intro: string
  ) {}

  row(caseName: string, peer: string, theirs: string, ours: string, allow?: AllowKey): ParityRow {
    let verdict: ParityRow['verdict'] = 'DIFFERENT'
    if (theirs === ours) verdict = 'same'
    else if (allow && INTENDED_DIFFERENCES[allow].holds(theirs, ours)) verdict = `allowed: ${allow}`
    const row: ParityRow = { case: caseName, peer, theirs, ours, verdict }
    this.rows.push(row)
    return row
  }

  write(): string {
    const used = new Set(this.rows.map((r) => r.verdict).filter((v) => v.startsWith('allowed: ')).map((v) => v.slice(9) as AllowKey))
    const same = this.rows.filter((r) => r.verdict === 'same').length
    const text = [
      `# ${this.title}`,
      '',
      this.intro,
      '',
      `${this.rows.length} cases: ${same} the same, ${this.rows.length - same - this.rows.filter((r) => r.verdict === 'DIFFERENT').length} intended difference(s), ` +
        `${this.rows.filter((r) => r.verdict === 'DIFFERENT').length} different. Tabs are shown as →.`,
      '',
      '| case | peer | peer output | ours | verdict |',
      '|---|---|---|---|---|',
      ...this.rows.map((r) => `| ${cell(r.case)} | ${r.peer} | ${cell(r.theirs)} | ${cell(r.ours)} | ${r.verdict} |`),
      '',
      ...(used.size > 0 ? ['## Intended differences', '', ...[...used].map((k) => `- \`${k}\`: ${INTENDED_DIFFERENCES[k].reason}`), ''] : [])
    ].join('\n')
    mkdirSync(parityDir, { recursive: true })
    const path = resolve(parityDir, this.file)
    writeFileSync(path, text)
    return path
  }
}
