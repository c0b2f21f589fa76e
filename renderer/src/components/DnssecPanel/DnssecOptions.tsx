import styles from './DnssecOptions.module.css'

export interface DnssecOptionsState {
  check: boolean
  trustAnchors: string
}

/** Whether the inspection also checks DNSSEC, and the trust anchor (DNSKEY or DS lines) for its own validation. */
export function DnssecOptions({ value, onChange }: { value: DnssecOptionsState; onChange: (v: DnssecOptionsState) => void }) {
  return (
    <div className={styles.options}>
      <label className="checkbox">
        <input type="checkbox" data-testid="dnssec-check" checked={value.check} onChange={(e) => onChange({ ...value, check: e.target.checked })} />
        Check DNSSEC
      </label>
      {value.check && (
        <label className={styles.anchor}>
          Trust anchor (DNSKEY or DS lines of the apex zone; optional)
          <textarea
            data-testid="dnssec-anchor"
            rows={2}
            spellCheck={false}
            placeholder="example.test. IN DNSKEY 257 3 13 …"
            value={value.trustAnchors}
            onChange={(e) => onChange({ ...value, trustAnchors: e.target.value })}
          />
        </label>
      )}
    </div>
  )
}
