import { useEffect, useState } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { QueryLog } from '../../components/QueryLog/QueryLog'
import { apexAliasTarget } from '../../model/lab/zone-problems'
import { useNavigation } from '../../context/NavigationContext'
import { useLabStatus } from '../../hooks/useLabStatus'
import { ComparePanel } from './ComparePanel'
import { CountersPanel } from './CountersPanel'
import { FlushCache } from './FlushCache'
import { GeoPanel } from './geo/GeoPanel'
import { ApexTechniques } from './techniques/ApexTechniques'
import { HttpsAliasOption } from './HttpsAliasOption'
import { ProfilePanel } from './ProfilePanel'
import { ServerPanel } from './ServerPanel'
import { TargetPanel } from './TargetPanel'
import { TargetStatePanel } from './TargetStatePanel'
import { ZonePanel } from './ZonePanel'
import styles from './LabView.module.css'

export function LabView() {
  const lab = useLabStatus()
  const { requestWatch, labZoneVersion, labStateVersion } = useNavigation()
  const [zone, setZone] = useState<{ origin: string; text: string } | null>(null)
  const status = lab.status
  const { reload } = lab
  useEffect(() => {
    if (labStateVersion > 0) reload()
  }, [labStateVersion, reload])

  if (!status) {
    return (
      <div className="view-stack" data-testid="lab-view" data-state={lab.error ? 'error' : 'loading'}>
        {lab.error ? <ErrorMessage error={lab.error} testId="lab-error" /> : <p className="muted">Loading the lab…</p>}
      </div>
    )
  }

  const origin = zone?.origin ?? status.zone.origin
  const target = (zone && apexAliasTarget(zone.text, zone.origin)) ?? status.target?.name ?? null
  const watch = () => {
    if (target) requestWatch({ apex: origin, target, resolverIds: ['local-udp'] })
  }

  return (
    <div className="view-stack" data-testid="lab-view" data-state={status.running ? 'running' : 'stopped'}>
      <section className="panel">
        <ServerPanel status={status} onStatus={lab.accept} onChanged={reload} />
        <div className={styles.watch}>
          <button type="button" onClick={watch} disabled={!status.running || !target} data-testid="lab-watch" aria-describedby="lab-watch-hint">
            Watch this apex
          </button>
          <span id="lab-watch-hint" className="muted">
            {status.running
              ? target
                ? `Opens the Watch view and asks ${origin} and ${target} every second through this server.`
                : `The zone has no ALIAS at ${origin}: add one to watch it.`
              : 'Press “Start server” above first: the watch asks this server.'}
          </span>
        </div>
      </section>
      <section className="panel">
        <ProfilePanel settings={status.settings} onSettings={(settings) => lab.accept({ ...status, settings })} />
      </section>
      <div className={styles.grid}>
        <section className="panel">
          <ZonePanel onLoaded={setZone} onSaved={setZone} version={labZoneVersion} />
          <HttpsAliasOption status={status} onStatus={lab.accept} />
        </section>
        <div className={styles.side}>
          <section className="panel">
            {status.target ? (
              <>
                <TargetPanel
                  key={status.port ?? 'stopped'}
                  target={status.target}
                  saved={{ sets: status.sets, serving: status.serving }}
                  onChanged={(t) => lab.accept({ ...status, target: t })}
                />
                <FlushCache />
                {status.running && <TargetStatePanel key={`state-${status.port}`} target={status.target} onChanged={(t) => lab.accept({ ...status, target: t })} />}
              </>
            ) : (
              <>
                <h2>Simulated target</h2>
                <p className="empty" data-testid="lab-target-stopped">
                  The simulated CDN (<code>cdn.example.test.</code>) runs inside the server: press “Start server” above
                  to see and change its addresses.
                </p>
              </>
            )}
          </section>
          <section className="panel">
            <CountersPanel counters={status.running ? status.counters : null} />
          </section>
        </div>
      </div>
      <section className="panel">
        <GeoPanel key={status.geo ? 'on' : 'off'} geo={status.geo ?? null} target={status.target?.name ?? 'cdn.example.test.'} onStatus={lab.accept} />
      </section>
      <section className="panel">
        <ApexTechniques status={status} apex={origin} />
      </section>
      <section className="panel">
        <ComparePanel />
      </section>
      <section className="panel" aria-labelledby="lab-log-title">
        <h2 id="lab-log-title">Query log</h2>
        <QueryLog port={status.running ? status.port : null} apex={origin} />
      </section>
    </div>
  )
}
