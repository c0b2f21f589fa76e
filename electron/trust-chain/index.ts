/** A local DNSSEC trust chain (root and TLD on loopback, signed, delegating to the lab's zones). */
export { startTrustChain, type ChainChild, type TrustChain } from './trust-chain'
export { labChain, type LabChain } from './lab-chain'
