import { useCallback, useEffect, useState } from 'react'
import type { InspectInput } from '@shared/inspector'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { QueryBar } from '../../components/QueryBar/QueryBar'
import { RawAnswerDrawer } from '../../components/RawAnswerDrawer/RawAnswerDrawer'
import { RecentDomains } from '../../components/RecentDomains/RecentDomains'
import { DnssecOptions, type DnssecOptionsState } from '../../components/DnssecPanel/DnssecOptions'
import { useNavigation } from '../../context/NavigationContext'
import { useAutoRefresh } from '../../hooks/useAutoRefresh'
import { useInspect } from '../../hooks/useInspect'
import { useRawAnswer } from '../../hooks/useRawAnswer'
import { useRecentDomains } from '../../hooks/useRecentDomains'
import { targetsOf, useResolvers } from '../../hooks/useResolvers'
import { useSuggestions } from '../../hooks/useSuggestions'
import { buildInput, type InputProblems, type QueryOptionsState } from '../../model/inspect/inspect-input'
import { displayName } from '../../model/inspect/inspect-model'
import { InspectEmpty } from './InspectEmpty'
import { InspectResults } from './InspectResults'
import { SubnetField, parseSubnets } from './SubnetField'
import { useInspectRequests } from './useInspectRequests'
import styles from './InspectView.module.css'

// an empty port means 53, or the lab's port for the lab's own zone (see defaultAuthoritativePort)
const defaultOptions: QueryOptionsState = { authoritativePort: '', skipAuthoritative: false, timeoutSeconds: '3' }

export function InspectView() {
  const [apex, setApex] = useState('')
  const [target, setTarget] = useState('')
  const [options, setOptions] = useState<QueryOptionsState>(defaultOptions)
  const [problems, setProblems] = useState<InputProblems>({})
  const [autoRefresh, setAutoRefresh] = useState(false)
  const [dnssec, setDnssec] = useState<DnssecOptionsState>({ check: false, trustAnchors: '' })
  const [subnets, setSubnets] = useState('')
  const [subnetProblem, setSubnetProblem] = useState<string | undefined>()
  const resolvers = useResolvers()
  const recent = useRecentDomains()
  const inspection = useInspect()
  const raw = useRawAnswer()
  const { requestWatch, view } = useNavigation()
  // the lab may have started or stopped meanwhile: its resolver entries follow when this view shows again
  const { reload: reloadResolvers } = resolvers
  useEffect(() => {
    if (view === 'inspect') void reloadResolvers()
  }, [view, reloadResolvers])
  const [preparing, setPreparing] = useState(false)
  const selectedTargets = targetsOf(resolvers.selected)
  const suggestions = useSuggestions(apex, selectedTargets, inspection.suggest)

  const { run, input: lastInput } = inspection
  const inspect = async (names: { apex: string; target: string } = { apex, target }) => {
    if (preparing) return
    const checked = buildInput(names.apex, names.target, options, selectedTargets)
    setProblems(checked.problems)
    const parsedSubnets = parseSubnets(subnets)
    setSubnetProblem(parsedSubnets.problem)
    if (!checked.input || parsedSubnets.problem) return
    const withSubnets = parsedSubnets.subnets.length > 0 ? { ...checked.input, subnets: parsedSubnets.subnets } : checked.input
    let input: InspectInput = dnssec.check
      ? { ...withSubnets, dnssec: true, ...(dnssec.trustAnchors.trim() ? { trustAnchors: dnssec.trustAnchors.trim() } : {}) }
      : withSubnets
    // the zone servers' port the field leaves open: the lab's own zone is served on the lab's port
    setPreparing(true)
    const labPort = options.authoritativePort.trim() === '' && !options.skipAuthoritative ? await inspection.labPortFor(input.apex) : undefined
    setPreparing(false)
    if (labPort !== undefined) input = { ...input, authoritativePort: labPort }
    const result = await run(input)
    if (result) await recent.add(input.apex, checked.input.target)
  }

  const clear = () => {
    setApex('')
    setTarget('')
    setProblems({})
    setAutoRefresh(false)
  }
  useInspectRequests({ setApex, setTarget, inspect, clear }, inspection, resolvers.status)

  const refresh = useCallback(() => {
    if (lastInput) void run(lastInput, { refresh: true })
  }, [lastInput, run])

  const { dueAtMs } = useAutoRefresh({
    enabled: autoRefresh,
    result: inspection.result,
    finishedAtMs: inspection.finishedAtMs,
    busy: inspection.status === 'running',
    refresh
  })

  const result = inspection.result
  const running = inspection.status === 'running'

  return (
    <div className={styles.inspect} data-testid="inspect-view">
      <section className={`panel ${styles.query}`} aria-labelledby="inspect-title">
        <h2 id="inspect-title" className="visually-hidden">
          Inspect an apex
        </h2>
        <QueryBar
          apex={apex}
          target={target}
          onApexChange={(value) => {
            setApex(value)
            if (problems.apex) setProblems({ ...problems, apex: undefined })
          }}
          onTargetChange={setTarget}
          options={options}
          onOptionsChange={setOptions}
          resolvers={resolvers}
          suggestions={suggestions}
          busy={preparing || (running && !inspection.refreshing)}
          problems={{ ...problems, ...(resolvers.selected.length > 0 ? { resolvers: undefined } : {}) }}
          onSubmit={() => void inspect()}
        />
        <DnssecOptions value={dnssec} onChange={setDnssec} />
        <SubnetField value={subnets} onChange={setSubnets} problem={subnetProblem} />
        <RecentDomains
          domains={recent.domains}
          onPick={(d) => {
            setApex(d.apex)
            setTarget(d.target ?? '')
          }}
          onRemove={(a) => void recent.remove(a)}
        />
        {recent.error && <ErrorMessage error={recent.error} testId="recent-error" />}
        {recent.warnings.map((w) => (
          <p key={w} className="warning" role="status">
            {w}
          </p>
        ))}
      </section>

      {inspection.error && <ErrorMessage error={inspection.error} testId="inspect-error" />}

      {!result && !running && <InspectEmpty />}

      {running && !result && (
        <p className="panel muted" role="status" data-testid="inspect-running">
          Inspecting {displayName(apex.trim())} through {selectedTargets.length} resolver{selectedTargets.length === 1 ? '' : 's'}…
        </p>
      )}

      {result && (
        <InspectResults
          result={result}
          lastInput={lastInput}
          runs={inspection.runs}
          running={running}
          refreshing={inspection.refreshing}
          autoRefresh={autoRefresh}
          onAutoRefreshChange={setAutoRefresh}
          dueAtMs={dueAtMs}
          onWatch={() => requestWatch({ apex: result.apex, target: result.target!, resolverIds: resolvers.selected.map((e) => e.id) })}
          onRaw={raw.open}
        />
      )}

      {raw.state.status !== 'closed' && (
        <RawAnswerDrawer
          key={`${raw.state.request.resolverLabel}|${raw.state.request.name}|${raw.state.request.type}`}
          state={raw.state}
          onClose={raw.close}
        />
      )}
    </div>
  )
}
