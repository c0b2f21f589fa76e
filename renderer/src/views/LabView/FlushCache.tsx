import { useState } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { Explain } from '../../context/TeachingContext'
import { formatClock } from '../../format/time'
import { useCall } from '../../hooks/useCall'
import { useLab } from '../../hooks/useLab'
import styles from './FlushCache.module.css'

/** "Flush ALIAS cache": the server forgets every target answer it holds, so the apex follows the target at once. */
export function FlushCache() {
  const [done, setDone] = useState<{ targets: number; at: number } | null>(null)
  const { busy, error, call } = useCall()
  const lab = useLab()
  const flush = async () => {
    if (busy) return
    const result = await call(() => lab.flushCache())
    if (result.ok) setDone({ targets: result.value.targets, at: Date.now() })
  }
  return (
    <div className={styles.flush}>
      <button type="button" className="button--quiet" onClick={() => void flush()} aria-disabled={busy || undefined} data-testid="lab-flush">
        Flush ALIAS cache
      </button>
      {done && (
        <span className="muted" role="status" data-testid="lab-flush-result" data-targets={done.targets}>
          {done.targets === 1 ? '1 cached target' : `${done.targets} cached targets`} dropped at {formatClock(done.at)}: the next apex
          query asks the target again.
        </span>
      )}
      {error && <ErrorMessage error={error} testId="lab-flush-error" />}
      <Explain testId="explain-flush">
        The server keeps the target’s addresses for the target’s TTL, so after a change the apex lags behind. Flushing
        shows the difference: the next query for the apex fetches the target afresh. Resolvers in between still keep
        the apex answer for its own TTL.
      </Explain>
    </div>
  )
}
