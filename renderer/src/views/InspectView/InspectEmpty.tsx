import { useNavigation } from '../../context/NavigationContext'
import { Explain } from '../../context/TeachingContext'
import styles from './InspectView.module.css'

/** Before the first inspection: what to type, and the lab's demo zone for working offline. */
export function InspectEmpty() {
  const { open } = useNavigation()
  return (
    <section className={`panel ${styles.empty}`} data-testid="inspect-empty">
      <h2>Is this apex aliased?</h2>
      <p className="muted">
        Type an apex such as <code>example.com</code>, optionally the name it should follow (the target, e.g. its CDN
        host name), pick one or more resolvers and press Enter. Both names are asked through every resolver and their
        addresses are lined up side by side.
      </p>
      <p className="muted" data-testid="inspect-offline-hint">
        No network, or learning how ALIAS works? The <strong>Local ALIAS lab</strong> serves a demo zone,{' '}
        <code>example.test</code>, whose apex is an ALIAS to a simulated CDN. Press <strong>Start server</strong> there,
        then inspect <code>example.test</code> here through the resolver “Local ALIAS server (UDP)”.{' '}
        <button type="button" className="button-link" data-testid="open-lab" onClick={() => open('lab', '[data-testid="lab-start"], [data-testid="lab-stop"]')}>
          Open the lab
        </button>
      </p>
      <Explain testId="explain-apex-cname">
        <strong>Why there is no CNAME at the apex.</strong> RFC 1034 (§3.6.2) says a name that has a CNAME may have no
        other data. The apex must hold the zone's SOA and NS records, so a CNAME there is forbidden. ALIAS, ANAME and
        "CNAME flattening" are the workaround: the DNS host resolves the target itself and serves its addresses at the
        apex.
      </Explain>
    </section>
  )
}
