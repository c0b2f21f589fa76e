import type { AppInfo } from '@shared/app'
import { useTeaching } from '../../context/TeachingContext'
import { DesktopSettings } from './DesktopSettings'

export function AboutView({ info }: { info: AppInfo | null }) {
  const { enabled, setEnabled } = useTeaching()
  return (
    <div className="view-stack">
      <section className="panel" aria-labelledby="about-title">
        <h2 id="about-title">About this build</h2>
        {info && (
          <dl className="facts" data-testid="about-facts">
            <dt>Version</dt>
            <dd>{info.version}</dd>
            <dt>Host</dt>
            <dd>{info.host === 'electron' ? 'desktop (Electron)' : 'browser mode'}</dd>
            {Object.entries(info.versions).map(([name, version]) => (
              <div key={name} className="facts__row">
                <dt>{name}</dt>
                <dd>{version}</dd>
              </div>
            ))}
          </dl>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
            data-testid="teaching-toggle"
          />
          Show short explanations next to results
        </label>
      </section>
      <DesktopSettings desktop={info?.host === 'electron'} />
    </div>
  )
}
