import type { LabStatus } from '@shared/lab'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { Explain } from '../../context/TeachingContext'
import { useLabOptions } from '../../hooks/useLab'
import styles from './HttpsAliasOption.module.css'

/** The lab option that serves `@ HTTPS 0 target.` (RFC 9460 AliasMode) beside the apex ALIAS. */
export function HttpsAliasOption({ status, onStatus }: { status: LabStatus; onStatus(status: LabStatus): void }) {
  const options = useLabOptions(onStatus)
  const state = status.httpsAlias ?? { enabled: false, record: null, problem: null }
  return (
    <div className={styles.option} data-testid="lab-https-alias" data-on={state.enabled}>
      <label className="checkbox">
        <input type="checkbox" checked={state.enabled} disabled={options.busy} onChange={(e) => void options.setHttpsAlias(e.target.checked)} data-testid="lab-https-alias-on" />
        Also serve an HTTPS record in AliasMode at the apex
      </label>
      {state.record && (
        <code className={styles.record} data-testid="lab-https-alias-record">
          {state.record}
        </code>
      )}
      {state.problem && (
        <p className="muted" role="status" data-testid="lab-https-alias-problem">
          Not served: {state.problem}.
        </p>
      )}
      {options.error && <ErrorMessage error={options.error} testId="lab-https-alias-error" />}
      <Explain testId="explain-https-alias">
        An ALIAS is resolved by this server: the client gets A/AAAA records. An HTTPS record in AliasMode (priority 0)
        hands the target’s name to the client, which resolves it itself, so the CDN sees the client’s own resolver; but
        only clients that follow AliasMode do, so the ALIAS stays beside it as the fallback.
      </Explain>
    </div>
  )
}
