import type { AuditProgress } from '@shared/audit'
import { formatDuration } from '../../format/time'
import type { AuditState } from '../../hooks/useAudit'
import styles from './AuditView.module.css'

const STATUS_TEXT: Partial<Record<AuditState['status'], string>> = {
  finished: 'Done',
  cancelled: 'Stopped: the results so far are kept',
  failed: 'Failed'
}

export function AuditProgressBar({ progress, status, message }: { progress: AuditProgress; status: AuditState['status']; message?: string | undefined }) {
  const share = progress.total > 0 ? progress.done / progress.total : 0
  return (
    <div className={styles.progress} data-testid="audit-progress" data-done={progress.done} data-total={progress.total} data-status={status}>
      <progress max={progress.total || 1} value={progress.done} aria-label="Audit progress" />
      <span>
        {STATUS_TEXT[status] ? `${STATUS_TEXT[status]} · ` : ''}
        {progress.done.toLocaleString()} of {progress.total.toLocaleString()} names ({Math.round(share * 100)} %)
        {progress.rate > 0 && ` · ${progress.rate.toFixed(1)} names/s`}
        {status === 'running' && progress.etaSeconds !== undefined && ` · about ${formatDuration(progress.etaSeconds * 1000)} left`}
        {progress.errors > 0 && ` · ${progress.errors} failed`}
        {message && ` · ${message}`}
      </span>
    </div>
  )
}
