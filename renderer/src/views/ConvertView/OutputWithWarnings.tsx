import type { ConvertWarningView } from '@shared/convert'
import { placeWarnings } from '../../model/convert/place-warnings'
import styles from './OutputWithWarnings.module.css'

/** The output, with each warning beside the line of the output that holds its record (or above, when none does). */
export function OutputWithWarnings({ text, warnings, origin }: { text: string; warnings: ConvertWarningView[]; origin: string }) {
  const lines = text.replace(/\n$/, '').split('\n')
  const { placed, unplaced } = placeWarnings(lines, warnings, origin)
  return (
    <div data-testid="convert-output">
      {unplaced.length > 0 && (
        <ul className={styles.warnings} data-testid="convert-warnings-unplaced">
          {unplaced.map((w, i) => <li key={i}><strong>{w.record}</strong>{w.line > 0 ? ` (input line ${w.line})` : ''}: {w.message}</li>)}
        </ul>
      )}
      <ol className={styles.lines}>
        {lines.map((line, i) => (
          <li key={i} data-warned={placed.has(i) ? 'true' : undefined}>
            <code>{line || ' '}</code>
            {placed.get(i)?.map((w, j) => (
              <span key={j} className={styles.warning} data-testid="convert-warning">⚠ {w.record}: {w.message}</span>
            ))}
          </li>
        ))}
      </ol>
    </div>
  )
}
