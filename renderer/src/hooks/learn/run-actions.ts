import type { InspectorApi } from '@shared/api'
import type { LabAction, StepRecord } from '@shared/experiments'

type QueryAction = Extract<LabAction, { kind: 'query' }>
import type { Result } from '@shared/result'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

class ActionFailed extends Error {}

const must = async <T>(result: Promise<Result<T>>): Promise<T> => {
  const r = await result
  if (!r.ok) throw new ActionFailed(r.error.message)
  return r.value
}

/**
 * Runs an experiment's actions in order through the lab's own channels and records what the lab answered.
 * The first refusal stops the run and becomes the record's `error` (an apex CNAME's refusal is a result).
 */
export async function runActions(api: InspectorApi, actions: readonly LabAction[], onZoneSaved?: () => void): Promise<StepRecord> {
  const record: StepRecord = { at: Date.now(), ok: true, error: null, query: null, upstreamQueries: null }
  const port = async () => {
    const status = await must(api.lab.status())
    if (!status.running || status.port === null) throw new ActionFailed('the lab server is not running: reset the lab to start it')
    return status.port
  }
  const query = async (name: string, type: QueryAction['type'], dnssecOk = false, subnet?: string) => {
    const options = { timeoutMs: 5000, dnssecOk, ...(subnet ? { clientSubnet: subnet } : {}) }
    const answer = await must(api.dns.query({ name, type, resolver: { transport: 'udp', host: '127.0.0.1', port: await port() }, options }))
    const scope = answer.edns?.clientSubnet?.scopePrefixLength
    record.query = {
      rcode: answer.header.rcode,
      answer: answer.answer.map((rr) => `${rr.type} ${rr.data}`),
      ttl: answer.answer[0]?.ttl ?? null,
      ...(scope !== undefined ? { scope } : {})
    }
    return record.query
  }
  try {
    for (const action of actions) {
      switch (action.kind) {
        case 'start': {
          const status = await must(api.lab.status())
          const configured = action.axfr !== undefined || action.dnssec !== undefined
          const signed = (status.dnssec?.length ?? 0) > 0
          if (!configured && !signed && status.running && status.upstreamMode === 'simulated') break
          if (status.running) await must(api.lab.stop())
          // explicit: a start without them would take the choice saved in lab.json
          await must(api.lab.start({ upstreamMode: 'simulated', axfr: action.axfr ?? 'raw', dnssec: action.dnssec ?? null }))
          break
        }
        case 'query':
          if (action.subnets) for (const subnet of action.subnets) record.bySubnet = { ...record.bySubnet, [subnet]: await query(action.name, action.type, action.dnssecOk, subnet) }
          else await query(action.name, action.type, action.dnssecOk)
          break
        case 'geo':
          await must(api.lab.setGeo({ geo: action.geo }))
          break
        case 'httpsAlias':
          await must(api.lab.setHttpsAlias({ enabled: action.enabled }))
          break
        case 'transfer': {
          const transferred = await must(api.lab.transfer({ zone: action.zone }))
          // a transfer holds every name of the zone: keep the owners
          record.query = { rcode: transferred.rcode, answer: transferred.records.map((rr) => `${rr.name} ${rr.type} ${rr.data}`), ttl: transferred.records[0]?.ttl ?? null }
          if (transferred.rcode !== 'NOERROR') throw new ActionFailed(`the transfer was answered ${transferred.rcode}${transferred.reason ? `: ${transferred.reason}` : ''}`)
          break
        }
        case 'queryUntil': {
          const until = Date.now() + action.timeoutSeconds * 1000
          while (!(await query(action.name, action.type)).answer.some((a) => a.includes(action.contains))) {
            if (Date.now() > until) throw new ActionFailed(`no answer contained ${action.contains} within ${action.timeoutSeconds} s`)
            await sleep(1000)
          }
          break
        }
        case 'saveZone':
          await must(api.lab.saveZone(action.dialect ? { text: action.text, dialect: action.dialect } : { text: action.text }))
          onZoneSaved?.()
          break
        case 'settings':
          await must(api.lab.updateSettings(action.patch))
          break
        case 'target':
          await must(api.lab.setTarget({ a: action.a, aaaa: action.aaaa, ttl: action.ttl }))
          break
        case 'targetState':
          await must(api.lab.setTargetState(action.state))
          break
        case 'flush':
          await must(api.lab.flushCache())
          break
        case 'clearLog':
          await must(api.lab.logClear())
          break
        case 'wait':
          await sleep(action.seconds * 1000)
          break
        case 'compare':
          await must(api.lab.compareStart(action.input))
          break
      }
    }
  } catch (error) {
    if (!(error instanceof ActionFailed)) throw error
    record.ok = false
    record.error = error.message
  }
  const status = await api.lab.status()
  record.upstreamQueries = status.ok ? (status.value.counters?.upstreamQueries ?? null) : null
  return record
}
