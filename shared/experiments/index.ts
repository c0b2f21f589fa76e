import { aliasDnssec } from './alias-dnssec'
import { apexCname } from './apex-cname'
import { cdnLocality } from './cdn-locality'
import { comingExperiments } from './coming'
import { flatteningLog } from './flattening-log'
import { httpsAliasMode } from './https-aliasmode'
import { providersDiffer } from './providers-differ'
import { secondariesAxfr } from './secondaries-axfr'
import { staleness } from './staleness'
import { targetBreaks } from './target-breaks'
import { ttlPolicies } from './ttl-policies'
import type { Experiment } from './types'

export type * from './types'

/** Every experiment, in teaching order. Adding one: write its file and list it here. */
export const experiments: readonly Experiment[] = [apexCname, flatteningLog, staleness, ttlPolicies, providersDiffer, targetBreaks, aliasDnssec, cdnLocality, httpsAliasMode, secondariesAxfr, ...comingExperiments].sort(
  (a, b) => a.number - b.number
)

export const experimentById = (id: string): Experiment | undefined => experiments.find((e) => e.id === id)
