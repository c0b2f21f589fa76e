import { dnssecAlgorithms, dnssecDenials, type DnssecZoneInfo } from '@shared/alias-server'
import { SelectField } from '../../components/SelectField/SelectField'
import { Explain } from '../../context/TeachingContext'
import styles from './DnssecFields.module.css'

export interface LabDnssecChoice {
  signed: boolean
  algorithm: (typeof dnssecAlgorithms)[number]
  denial: (typeof dnssecDenials)[number]
  axfr: 'raw' | 'expanded'
}

export const defaultDnssecChoice: LabDnssecChoice = { signed: false, algorithm: 'ecdsap256sha256', denial: 'nsec', axfr: 'raw' }

const algorithmNames = { ecdsap256sha256: 'ECDSA P-256 (13)', ed25519: 'Ed25519 (15)' } as const
const denialNames = { nsec: 'NSEC, minimally covering (RFC 4470)', nsec3: 'NSEC3 white lies (RFC 9276)' } as const
const axfrModes = ['raw', 'expanded'] as const
const axfrNames = { raw: 'raw: the ALIAS record as written', expanded: "expanded: the target's addresses now" } as const

/** DNSSEC signing and zone-transfer mode for the next start, and the DS of the running signed zone. */
export function DnssecFields({ value, onChange, running, zones }: { value: LabDnssecChoice; onChange: (v: LabDnssecChoice) => void; running: boolean; zones: DnssecZoneInfo[] }) {
  return (
    <fieldset className={styles.dnssec} data-testid="lab-dnssec">
      <legend>DNSSEC and zone transfers</legend>
      <label className="checkbox">
        <input type="checkbox" checked={value.signed} disabled={running} onChange={(e) => onChange({ ...value, signed: e.target.checked })} data-testid="lab-dnssec-on" />
        Sign the zone online
      </label>
      <SelectField label="Algorithm" value={value.algorithm} options={dnssecAlgorithms} names={algorithmNames} onChange={(algorithm) => onChange({ ...value, algorithm })} disabled={running || !value.signed} testId="lab-dnssec-algorithm" />
      <SelectField label="Denial of existence" value={value.denial} options={dnssecDenials} names={denialNames} onChange={(denial) => onChange({ ...value, denial })} disabled={running || !value.signed} testId="lab-dnssec-denial" />
      <SelectField label="AXFR to secondaries" value={value.axfr} options={axfrModes} names={axfrNames} onChange={(axfr) => onChange({ ...value, axfr })} disabled={running} testId="lab-axfr" />
      {zones.map((z) => (
        <p key={z.zone} className={styles.ds} data-testid="lab-ds">
          DS for the parent (key {z.keyTag}): <code>{z.ds}</code>
        </p>
      ))}
      <Explain testId="explain-lab-dnssec">
        The apex addresses are copied from the target when asked for, so they can only be signed then: this server signs
        each answer as it builds it (once per fetch of the target), as Cloudflare and Route 53 do. Switch the profile to{' '}
        <code>powerdns</code> to serve them unsigned as PowerDNS does, and watch a validating resolver answer SERVFAIL. A raw
        transfer hands a secondary the ALIAS record, which another brand cannot serve (the apex goes empty there); an
        expanded one hands it today's addresses, which go stale there when the target moves until the next NOTIFY and
        transfer. A signed zone is not transferred: its signatures exist only per answer.
      </Explain>
    </fieldset>
  )
}
