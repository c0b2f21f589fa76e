import { useCallback, useEffect, useRef, useState } from 'react'
import type { InspectInput } from '@shared/inspector'
import { AuthoritativeSummary } from '../../components/AuthoritativeSummary/AuthoritativeSummary'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { QueryBar, type QueryOptionsState } from '../../components/QueryBar/QueryBar'
import { RawAnswerDrawer } from '../../components/RawAnswerDrawer/RawAnswerDrawer'
import { RecentDomains } from '../../components/RecentDomains/RecentDomains'
import { SideBySide } from '../../components/SideBySide/SideBySide'
import { VerdictBanner } from '../../components/VerdictBanner/VerdictBanner'
import { BehaviourPanel } from '../../components/BehaviourPanel/BehaviourPanel'
import { LocalityGrid } from '../../components/LocalityGrid/LocalityGrid'
import { AdvicePanel } from '../../components/AdvicePanel/AdvicePanel'
import { SubnetField, parseSubnets } from './SubnetField'
import { useCommands } from '../../context/CommandsContext'
import { LookupCostLine } from '../../components/LookupCost/LookupCostLine'
import { DnssecOptions, type DnssecOptionsState } from '../../components/DnssecPanel/DnssecOptions'
import { DnssecPanel } from '../../components/DnssecPanel/DnssecPanel'
import { DelegationView } from '../../components/DelegationView/DelegationView'
import { useNavigation } from '../../context/NavigationContext'
import { Explain } from '../../context/TeachingContext'
import {
  DEFAULT_AUTHORITATIVE_PORT,
  defaultAuthoritativePort,
  displayName,
  SUGGESTION_SOURCES
} from '../../hooks/inspect-model'
import { useAutoRefresh } from '../../hooks/useAutoRefresh'
import { useInspection } from '../../hooks/useInspection'
import { useRawAnswer } from '../../hooks/useRawAnswer'
import { useRecentDomains } from '../../hooks/useRecentDomains'
import { targetsOf, useResolvers } from '../../hooks/useResolvers'
import { useSuggestions } from '../../hooks/useSuggestions'
import { getApi } from '../../transport'
import { formatClock, formatDuration } from '../../format/time'

// an empty port means 53, or the lab's port for the lab's own zone (see defaultAuthoritativePort)
const defaultOptions: QueryOptionsState = { authoritativePort: '', skipAuthoritative: false, timeoutSeconds: '3' }


/** Checks what is typed; returns the input for `inspect:run` or the problems to show beside the fields. */
function buildInput(
  apex: string,
  target: string,
  options: QueryOptionsState,
  resolvers: InspectInput['resolvers']
): { input?: InspectInput; problems: { apex?: string; resolvers?: string; options?: string } } {
  const problems: { apex?: string; resolvers?: string; options?: string } = {}
  if (!apex.trim()) problems.apex = 'Type the apex domain to inspect, e.g. example.com.'
  if (resolvers.length === 0) problems.resolvers = 'Pick at least one resolver (Resolvers ▾), or add one such as 127.0.0.1:5353.'
  const port = options.authoritativePort.trim() === '' ? DEFAULT_AUTHORITATIVE_PORT : Number(options.authoritativePort)
  const timeout = Number(options.timeoutSeconds)
  if (!options.skipAuthoritative && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    problems.options = "The zone's servers port must be a whole number from 1 to 65535."
  } else if (!(timeout >= 0.1 && timeout <= 30)) problems.options = 'The timeout must be between 0.1 and 30 seconds.'
  if (problems.apex || problems.resolvers || problems.options) return { problems }
  return {
    problems,
    input: {
      apex: apex.trim(),
      ...(target.trim() ? { target: target.trim() } : {}),
      resolvers,
      authoritativePort: port,
      skipAuthoritative: options.skipAuthoritative,
      timeoutMs: Math.round(timeout * 1000)
    }
  }
}

const sameName = (a: string, b: string): boolean => a.toLowerCase().replace(/\.$/, '') === b.toLowerCase().replace(/\.$/, '')

/** The lab's port when the apex is in the zone the running lab serves; undefined otherwise. */
async function labPortFor(apex: string): Promise<number | undefined> {
  const status = await getApi().lab.status()
  if (!status.ok) return undefined
  const port = defaultAuthoritativePort(apex, status.value)
  return port === DEFAULT_AUTHORITATIVE_PORT ? undefined : port
}

export function InspectView() {
  const [apex, setApex] = useState('')
  const [target, setTarget] = useState('')
  const [options, setOptions] = useState<QueryOptionsState>(defaultOptions)
  const [problems, setProblems] = useState<{ apex?: string; resolvers?: string; options?: string }>({})
  const [autoRefresh, setAutoRefresh] = useState(false)
  const [dnssec, setDnssec] = useState<DnssecOptionsState>({ check: false, trustAnchors: '' })
  const [subnets, setSubnets] = useState('')
  const [subnetProblem, setSubnetProblem] = useState<string | undefined>()
  const resolvers = useResolvers()
  const recent = useRecentDomains()
  const inspection = useInspection()
  const raw = useRawAnswer()
  const { requestWatch, open, view, inspectRequest: auditRequest } = useNavigation()
  // the lab may have started or stopped meanwhile: its resolver entries follow when this view shows again
  const { reload: reloadResolvers } = resolvers
  useEffect(() => {
    if (view === 'inspect') void reloadResolvers()
  }, [view, reloadResolvers])
  const [preparing, setPreparing] = useState(false)
  const selectedTargets = targetsOf(resolvers.selected)
  const suggestions = useSuggestions(apex, selectedTargets, (a, r) => getApi().inspect.suggest({ apex: a, resolvers: r }))

  const { run, input: lastInput } = inspection
  // a row of the audit opened here: its apex, target and the audit's resolvers
  useEffect(() => {
    if (!auditRequest) return
    setApex(auditRequest.apex.replace(/\.$/, ''))
    setTarget(auditRequest.target?.replace(/\.$/, '') ?? '')
    void run(auditRequest)
  }, [auditRequest, run])
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
    const labPort = options.authoritativePort.trim() === '' && !options.skipAuthoritative ? await labPortFor(input.apex) : undefined
    setPreparing(false)
    if (labPort !== undefined) input = { ...input, authoritativePort: labPort }
    const result = await run(input)
    if (result) await recent.add(input.apex, checked.input.target)
  }

  // a link (alias-inspector://inspect/…) or File › New inspection, from the menu or another launch
  const { inspectRequest, newInspection } = useCommands()
  const handledLink = useRef(0)
  const latestInspect = useRef(inspect)
  latestInspect.current = inspect
  useEffect(() => {
    if (!inspectRequest || inspectRequest.seq === handledLink.current || resolvers.status === 'loading') return
    handledLink.current = inspectRequest.seq
    const names = { apex: inspectRequest.apex, target: inspectRequest.target ?? '' }
    setApex(names.apex)
    setTarget(names.target)
    void latestInspect.current(names)
  }, [inspectRequest, resolvers.status])
  const { reset } = inspection
  useEffect(() => {
    if (newInspection === 0) return
    setApex('')
    setTarget('')
    setProblems({})
    setAutoRefresh(false)
    reset()
  }, [newInspection, reset])

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
  const suggestedBy =
    result?.target !== undefined && result.targetSource === 'suggested'
      ? result.suggestions.find((s) => sameName(s.name, result.target!))
      : undefined

  return (
    <div className="inspect" data-testid="inspect-view">
      <section className="panel inspect__query" aria-labelledby="inspect-title">
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

      {!result && !running && (
        <section className="panel inspect__empty" data-testid="inspect-empty">
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
      )}

      {running && !result && (
        <p className="panel muted" role="status" data-testid="inspect-running">
          Inspecting {displayName(apex.trim())} through {selectedTargets.length} resolver{selectedTargets.length === 1 ? '' : 's'}…
        </p>
      )}

      {result && (
        <div
          className="inspect__results"
          data-testid="inspect-results"
          data-runs={inspection.runs}
          data-started-at={result.startedAtWallMs}
          aria-busy={running}
        >
          <div className="results-bar">
            <span data-testid="inspected-at">
              {displayName(result.apex)} inspected at {formatClock(result.startedAtWallMs)} in {formatDuration(result.durationMs)}
              {suggestedBy && result.target && (
                <span className="muted" data-testid="target-suggested" data-source={suggestedBy.source} title={suggestedBy.reason}>
                  {' '}
                  · target {displayName(result.target)} from the {SUGGESTION_SOURCES[suggestedBy.source]}
                </span>
              )}
              {!result.target && <span className="muted"> · no target: the apex alone</span>}
            </span>
            {running && (
              <span className="muted" role="status">
                {inspection.refreshing ? 'Refreshing…' : 'Inspecting…'}
              </span>
            )}
            <label className="checkbox switch">
              <input
                type="checkbox"
                role="switch"
                checked={autoRefresh}
                data-testid="auto-refresh"
                onChange={(event) => setAutoRefresh(event.target.checked)}
              />
              Auto-refresh when a TTL expires
              {autoRefresh && dueAtMs !== undefined && <span className="muted"> (next at {formatClock(dueAtMs)})</span>}
            </label>
            {result.target && (
              <button
                type="button"
                className="button-secondary"
                data-testid="watch-this"
                onClick={() =>
                  requestWatch({ apex: result.apex, target: result.target!, resolverIds: resolvers.selected.map((e) => e.id) })
                }
              >
                Watch over time
              </button>
            )}
          </div>
          <VerdictBanner result={result} />
          <BehaviourPanel behaviour={result.behaviour} />
          <LookupCostLine cost={result.lookupCost} />
          <LocalityGrid locality={result.locality} />
          <AdvicePanel key={`${result.apex}|${result.target ?? ''}`} input={lastInput && result.target ? { ...lastInput, target: result.target } : null} />
          <SideBySide
            result={result}
            onRaw={(request) => raw.open({ ...request, ...(lastInput?.timeoutMs ? { timeoutMs: lastInput.timeoutMs } : {}) })}
          />
          <DnssecPanel result={result} />
          <DelegationView name={result.apex} />
          <AuthoritativeSummary view={result.authoritative} />
        </div>
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
