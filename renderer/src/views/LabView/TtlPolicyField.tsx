import { ttlRuleNames, type TtlRule } from '@shared/providers'
import type { LabStatus } from '@shared/lab'
import type { ApiError } from '@shared/result'
import { SelectField } from '../../components/SelectField/SelectField'
import { useLab } from '../../hooks/useLab'

const policyNames: Record<(typeof ttlRuleNames)[number], string> = {
  min: 'min: lower of ALIAS and target TTL left',
  fixed: 'fixed: lower of ALIAS and target TTL',
  passthrough: 'passthrough: target TTL left',
  record: 'record: the ALIAS record’s TTL'
}

interface TtlPolicyFieldProps {
  status: LabStatus
  onStatus(status: LabStatus): void
  onError(error: ApiError): void
}

/** The TTL rule of synthesised answers: applies at once, running or not. */
export function TtlPolicyField({ status, onStatus, onError }: TtlPolicyFieldProps) {
  const lab = useLab()
  const setPolicy = async (policy: TtlRule) => {
    const result = await lab.updateSettings({ ttlPolicy: policy })
    if (result.ok) onStatus({ ...status, settings: result.value })
    else onError(result.error)
  }
  const policy = status.settings.ttlPolicy
  return (
    <SelectField
      label="TTL of synthesised answers"
      value={policy}
      options={ttlRuleNames}
      names={policyNames}
      onChange={(p) => void setPolicy(p)}
      testId="lab-ttl-policy"
      trailing={policy.startsWith('constant:') ? <option value={policy}>{policy}</option> : <option value="constant:300">constant:300 (Cloudflare proxied)</option>}
    />
  )
}
