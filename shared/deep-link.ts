/**
 * The app's URL scheme: `alias-inspector://inspect/example.com?target=cdn.example.net` opens the Inspect view
 * filled in and runs it. Everything in such a link comes from outside the app, so it is checked like any input.
 */
export const DEEP_LINK_SCHEME = 'alias-inspector'

/** Longest link accepted; anything longer is not a link a person wrote. */
const MAX_DEEP_LINK_LENGTH = 2048

export interface InspectLink {
  apex: string
  target?: string
}

export type DeepLinkResult = { ok: true; link: InspectLink } | { ok: false; reason: string }

const MAX_NAME = 253

/** A domain name as a person types it: labels of letters (any script), digits, hyphens and underscores. */
function checkName(name: string, what: string): string | undefined {
  if (name.length === 0) return `the ${what} is empty`
  if (name.length > MAX_NAME) return `the ${what} is longer than ${MAX_NAME} characters`
  const labels = name.replace(/\.$/, '').split('.')
  for (const label of labels) {
    if (label.length === 0) return `the ${what} "${name}" has an empty label`
    if (label.length > 63) return `the ${what} "${name.slice(0, 80)}" has a label longer than 63 characters`
    if (!/^[\p{L}\p{N}_-]+$/u.test(label)) return `the ${what} "${name.slice(0, 80)}" is not a domain name`
  }
  return undefined
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

/** Reads an `alias-inspector://inspect/<apex>?target=<name>` link; anything else is refused with the reason. */
export function parseDeepLink(raw: string): DeepLinkResult {
  if (raw.length > MAX_DEEP_LINK_LENGTH) return { ok: false, reason: `the link is longer than ${MAX_DEEP_LINK_LENGTH} characters` }
  const prefix = `${DEEP_LINK_SCHEME}://inspect/`
  if (!raw.toLowerCase().startsWith(prefix)) {
    return { ok: false, reason: `only ${prefix}<domain>?target=<name> links are understood` }
  }
  const rest = raw.slice(prefix.length)
  const [pathPart = '', query = '', ...more] = rest.split('?')
  if (more.length > 0 || pathPart.includes('#') || query.includes('#')) return { ok: false, reason: 'the link is malformed' }
  const apex = decode(pathPart.replace(/\/$/, ''))
  if (apex === undefined) return { ok: false, reason: 'the domain in the link is not valid percent-encoding' }
  const apexProblem = checkName(apex, 'domain')
  if (apexProblem) return { ok: false, reason: apexProblem }
  const link: InspectLink = { apex }
  const params = new URLSearchParams(query)
  for (const key of params.keys()) {
    if (key !== 'target') return { ok: false, reason: `unknown parameter "${key.slice(0, 40)}" (only target is understood)` }
  }
  const targets = params.getAll('target')
  if (targets.length > 1) return { ok: false, reason: 'the link names more than one target' }
  if (targets.length === 1) {
    const targetProblem = checkName(targets[0]!, 'target')
    if (targetProblem) return { ok: false, reason: targetProblem }
    link.target = targets[0]!
  }
  return { ok: true, link }
}

/** The link for an inspection, as the app would write it. */
export function formatDeepLink(link: InspectLink): string {
  const base = `${DEEP_LINK_SCHEME}://inspect/${encodeURIComponent(link.apex)}`
  return link.target ? `${base}?target=${encodeURIComponent(link.target)}` : base
}
