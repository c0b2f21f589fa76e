/**
 * Compare providers side by side: one zone per profile, each served by its own ALIAS server, all
 * driven by one target schedule at the same instants. Every second, a client behind a caching
 * resolver asks each apex (the resolver honours the TTL it was given), so the samples show what
 * users of each provider got: the TTL, the lag after each change, and the answers while the
 * target was failing.
 */
import { parseInput } from '@shared/errors'
import type { DnsQueryResult } from '@shared/dns'
import { labCompareInputSchema, type CompareSample, type LabCompareInput, type LabCompareRun } from '@shared/lab'
import type { ProfileId } from '@shared/providers'
import { startAliasServer, type AliasServer } from '../alias-server'
import { query } from '../dns'
import { parseZone } from '../zone'
import { DEMO_ZONE_TEXT } from './demo-zone'

const APEX = 'example.test.'
const MAX_SAMPLES = 20_000
const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join() === [...b].sort().join()

interface Lane {
  profile: ProfileId
  server: AliasServer
  cache: { addresses: string[]; outcome: CompareSample['outcome']; expiresAt: number } | null
  busy: boolean
}

export class CompareRunner {
  private run: LabCompareRun | null = null
  private lanes: Lane[] = []
  private timers: NodeJS.Timeout[] = []
  private changes: Array<{ t: number; set: string[] }> = []
  private current: string[] = []

  async start(raw: LabCompareInput): Promise<LabCompareRun> {
    const input = parseInput(labCompareInputSchema, raw, 100)
    await this.stop()
    const { zone } = parseZone(DEMO_ZONE_TEXT)
    if (!zone) throw new Error('the demo zone does not parse')
    const profiles = [...new Set(input.profiles)]
    const servers = await Promise.all(
      profiles.map((profile) =>
        startAliasServer({ zones: [zone], upstream: { mode: 'simulated' }, settings: { profile }, logQueries: false, simulatedTarget: { ...input.initial, ttl: input.targetTtl } })
      )
    )
    this.lanes = profiles.map((profile, i) => ({ profile, server: servers[i]!, cache: null, busy: false }))
    this.current = [...input.initial.a]
    this.changes = []
    const startedAt = Date.now()
    const run: LabCompareRun = { running: true, startedAt, input: { profiles, durationSeconds: input.durationSeconds, targetTtl: input.targetTtl }, steps: [], samples: [], lags: [] }
    this.run = run
    const since = (): number => (Date.now() - startedAt) / 1000
    for (const step of input.schedule) {
      this.timers.push(
        setTimeout(() => {
          const words: string[] = []
          for (const lane of this.lanes) {
            if (step.set) lane.server.simulatedTarget.set({ a: step.set.a, aaaa: step.set.aaaa })
            if (step.failure) lane.server.simulatedTarget.setFailure(step.failure)
          }
          if (step.set) {
            this.current = [...step.set.a]
            this.changes.push({ t: since(), set: [...step.set.a] })
            words.push(`target now ${step.set.a.join(' ')}`)
          }
          if (step.failure) words.push(`target ${step.failure.state}`)
          run.steps.push({ t: since(), text: words.join('; ') })
        }, step.atSeconds * 1000)
      )
    }
    const tick = setInterval(() => this.sample(since()), 1000)
    this.timers.push(tick)
    this.timers.push(setTimeout(() => void this.finish(), input.durationSeconds * 1000))
    this.sample(0)
    return this.state()!
  }

  state(): LabCompareRun | null {
    const run = this.run
    if (!run) return null
    const lags = run.input.profiles.map((profile) => ({
      profile,
      lags: this.changes.map((c) => {
        const seen = run.samples.find((s) => s.profile === profile && s.t >= c.t && s.outcome === 'ok' && sameSet(s.addresses, c.set))
        return seen ? Math.round((seen.t - c.t) * 10) / 10 : null
      })
    }))
    return { ...run, steps: [...run.steps], samples: [...run.samples], lags }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    this.timers = []
    const lanes = this.lanes
    this.lanes = []
    if (this.run) this.run.running = false
    await Promise.all(lanes.map((l) => l.server.stop()))
  }

  private async finish(): Promise<void> {
    await this.stop()
  }

  private sample(t: number): void {
    const run = this.run
    if (!run) return
    for (const lane of this.lanes) {
      if (lane.busy) continue
      const now = Date.now()
      if (lane.cache && now < lane.cache.expiresAt) {
        const outcome = lane.cache.outcome === 'ok' || lane.cache.outcome === 'old' ? (sameSet(lane.cache.addresses, this.current) ? 'ok' : 'old') : lane.cache.outcome
        this.push({ t, profile: lane.profile, outcome, addresses: lane.cache.addresses, ttl: Math.ceil((lane.cache.expiresAt - now) / 1000), fromCache: true })
        continue
      }
      lane.busy = true
      void query({ name: APEX, type: 'A', resolver: { transport: 'udp', host: '127.0.0.1', port: lane.server.port }, options: { rd: false, timeoutMs: 5000, retries: 0 } })
        .then(
          (r) => this.answered(lane, t, r),
          () => this.push({ t, profile: lane.profile, outcome: 'timeout', addresses: [], ttl: null, fromCache: false })
        )
        .finally(() => {
          lane.busy = false
        })
    }
  }

  private answered(lane: Lane, t: number, r: DnsQueryResult): void {
    const addresses = r.answer.filter((x) => x.type === 'A').map((x) => x.data)
    const outcome: CompareSample['outcome'] = r.header.rcode !== 'NOERROR' ? 'servfail' : addresses.length === 0 ? 'empty' : sameSet(addresses, this.current) ? 'ok' : 'old'
    // a resolver keeps an answer for its TTL, an empty one for the SOA's negative TTL; SERVFAIL is not kept
    const ttl = outcome === 'servfail' ? null : (r.answer[0]?.ttl ?? r.authority.find((x) => x.type === 'SOA')?.ttl ?? null)
    lane.cache = ttl !== null && ttl > 0 ? { addresses, outcome, expiresAt: Date.now() + ttl * 1000 } : null
    this.push({ t, profile: lane.profile, outcome, addresses, ttl, fromCache: false })
  }

  private push(sample: CompareSample): void {
    if (this.run && this.run.samples.length < MAX_SAMPLES) this.run.samples.push({ ...sample, t: Math.round(sample.t * 10) / 10 })
  }
}
