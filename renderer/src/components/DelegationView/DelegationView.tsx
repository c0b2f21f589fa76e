import { Fragment } from 'react'
import type { DelegationStep } from '@shared/delegation'
import { ErrorMessage } from '../ErrorMessage/ErrorMessage'
import { useDelegation } from '../../hooks/useDelegation'
import styles from './DelegationView.module.css'

const flagsText = (flags: number): string => (flags & 1 ? 'KSK/CSK' : 'ZSK')

function Step({ step }: { step: DelegationStep }) {
  return (
    <div className={styles.step} data-status={step.status} data-testid="delegation-step" data-zone={step.zone}>
      <span className={styles.status} data-status={step.status}>
        {step.status}
      </span>
      <div className={styles.zone}>{step.zone}</div>
      <div className={styles.label}>Name servers</div>
      {step.nameServers.map((ns) => (
        <div key={ns.name} className={styles.mono}>
          {ns.name} {ns.addresses.join(' ')}
        </div>
      ))}
      <div className={styles.label}>{step.zone === '.' ? 'Trust anchor (DS)' : 'DS at the parent'}</div>
      {step.ds.length === 0 && <div className={styles.mono}>none</div>}
      {step.ds.map((ds) => (
        <div key={`${ds.keyTag}-${ds.digestType}`} className={`${styles.mono} ${ds.matchesKey ? '' : styles.bad}`}>
          {ds.keyTag} alg {ds.algorithm} digest {ds.digestType} · {ds.matchesKey ? 'matches a key' : 'matches no key'}
        </div>
      ))}
      <div className={styles.label}>DNSKEY</div>
      {step.dnskeys.length === 0 && <div className={styles.mono}>none</div>}
      {step.dnskeys.map((k) => (
        <div key={`${k.keyTag}-${k.algorithm}`} className={styles.mono}>
          {k.keyTag} alg {k.algorithm} {flagsText(k.flags)}
        </div>
      ))}
      <div className={styles.mono}>key set signature: {step.dnskeySignature}</div>
      <div className={styles.reason}>{step.reason}</div>
    </div>
  )
}

/** The chain root → TLD → zone for `name` through the lab's local trust chain, with DS/DNSKEY per step. */
export function DelegationView({ name }: { name: string }) {
  const { chain, view, error, busy, startChain } = useDelegation(name)
  return (
    <section className={`panel ${styles.panel}`} data-testid="delegation-view" aria-labelledby="delegation-title">
      <div className={styles.head}>
        <h3 id="delegation-title">Delegation from the local root</h3>
        {chain && !chain.running && (
          <button type="button" className="button-secondary" onClick={startChain} disabled={busy} data-testid="chain-start">
            Start the local trust chain
          </button>
        )}
      </div>
      {chain && !chain.running && <p className="muted">A signed root and TLD on loopback above the lab zone (needs the lab running with DNSSEC on): validation from a root key, offline.</p>}
      {error && <ErrorMessage error={error} testId="delegation-error" />}
      {busy && <p className="muted">Tracing…</p>}
      {view && (
        <>
          <div className={styles.chain}>
            {view.steps.map((step, i) => (
              <Fragment key={step.zone}>
                {i > 0 && <span className={styles.arrow}>→</span>}
                <Step step={step} />
              </Fragment>
            ))}
          </div>
          {view.answer && (
            <div className={styles.mono} data-testid="delegation-answer">
              {view.answer.rcode} {view.answer.records.join(' · ')}
            </div>
          )}
          {view.error && <p className={styles.bad}>{view.error}</p>}
        </>
      )}
      {chain?.running && chain.anchor && <div className={styles.anchor} data-testid="chain-anchor">root anchor: {chain.anchor.ds}</div>}
    </section>
  )
}
