// What `npm start` tells a person, kept apart from the steps so the wording is tested as written.

export const MIN_NODE = [22, 12]

/** One line when this Node is older than Electron 45's tooling asks for; undefined when it is recent enough. */
export function nodeVersionLine(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number)
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return undefined
  return `Node ${version} is older than ${MIN_NODE.join('.')}, which Electron 45 and its tooling need: install Node 22.12 or later (https://nodejs.org, or \`nvm install 22\`); trying anyway.`
}

/** The first line of what a failed step printed, without a stack trace, clipped. */
export function firstErrorLine(output) {
  const line = String(output)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at ') && !/^Downloading Electron/i.test(l))
  if (!line) return undefined
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}

/** The one paragraph shown when the runtime is missing and could not (or may not) be fetched. */
export function runtimeMissingParagraph({ skipped, reason }) {
  const why = skipped
    ? 'ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set, so it was not fetched'
    : `fetching it failed${reason ? ` (${reason})` : ''}; this machine may have no internet access`
  return [
    `The desktop app cannot start: the Electron runtime is missing (Electron 45 downloads it on first use, and ${why}).`,
    `Fetch it with \`npx --no install-electron\` on a machine with internet access${skipped ? ' after unsetting ELECTRON_SKIP_BINARY_DOWNLOAD' : ''}; trying anyway.`,
    'Meanwhile `npm run web` gives the same app in your browser.'
  ].join(' ')
}
