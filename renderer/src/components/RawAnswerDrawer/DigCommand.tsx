import { useState } from 'react'
import { copyText } from '../../clipboard'
import styles from './RawAnswerDrawer.module.css'

/** The same question as a dig command line (from the main side, `format:dig`), with a copy button. */
export function DigCommand({ dig, loading }: { dig: string | null; loading: boolean }) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle')
  return (
    <div className={styles.digBar}>
      <code className={styles.dig} data-testid="dig-command">
        {dig ?? (loading ? '…' : 'dig command unavailable')}
      </code>
      <button
        type="button"
        data-testid="copy-dig"
        disabled={!dig}
        onClick={() => {
          if (dig) void copyText(dig).then((ok) => setCopied(ok ? 'done' : 'failed'))
        }}
      >
        Copy as dig command
      </button>
      <span role="status" className="muted" data-testid="copy-status">
        {copied === 'done' ? 'Copied.' : copied === 'failed' ? 'Copy failed: select the command and copy it.' : ''}
      </span>
    </div>
  )
}
