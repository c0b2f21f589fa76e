/** A local DNSSEC trust chain (root and TLD on loopback, signed, delegating to the lab's zones). */
export { startTrustChain } from './trust-chain'
export { labChain } from './lab-chain'
