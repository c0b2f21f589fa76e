/** The Learn tab's progress: `learn.json` (each experiment's state, teacher mode) and the rules that keep it. */
export { createLearnStore, LEARN_FILE } from './learn-store'
