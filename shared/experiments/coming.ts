import type { ComingExperiment } from './types'

/** Experiments whose lab feature has not landed yet: listed, never a broken page. Each moves to its own file when it lands. */
export const comingExperiments: ComingExperiment[] = []
