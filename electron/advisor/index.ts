/** The apex-readiness advisor: facts gathered by the inspector, then the recommendation. */
export { gatherFacts } from './gather'
export { recommend } from './recommend'
