import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'net', 'dgram', 'tls', 'http', 'http2', 'https', 'crypto', 'child_process', 'url']

/**
 * Which engine folders under electron/ each one may import directly (README, "Layers"). A folder may also import
 * whatever those import in turn; never one above it. `shared/` is open to all.
 */
export const ENGINE_IMPORTS = {
  storage: [],
  dns: [],
  format: ['dns'],
  zone: ['dns', 'storage'],
  providers: ['dns'],
  dnssec: ['dns', 'storage'],
  files: ['storage'],
  preferences: ['storage'],
  learn: ['storage'],
  resolvers: ['dns', 'storage'],
  convert: ['zone'],
  'alias-server': ['zone', 'dns', 'providers', 'convert', 'dnssec'],
  inspector: ['dns', 'resolvers', 'providers', 'storage', 'dnssec'],
  lab: ['alias-server', 'zone', 'resolvers', 'storage'],
  advisor: ['inspector', 'providers'],
  audit: ['inspector', 'zone'],
  'trust-chain': ['alias-server', 'zone', 'dnssec']
}
const ENGINES = Object.keys(ENGINE_IMPORTS)
/** The hosts: they import services/ and each engine's public index.ts, nothing deeper. */
const HOSTS = ['main', 'preload', 'web', 'cli']

function reachable(folder, seen = new Set()) {
  for (const next of ENGINE_IMPORTS[folder] ?? []) {
    if (!seen.has(next)) {
      seen.add(next)
      reachable(next, seen)
    }
  }
  return seen
}

const folderPattern = (folders, deep = false) =>
  folders.length === 0 ? [] : [`^(\\.\\./)+(${folders.join('|')})${deep ? '/.+' : '(/|$)'}`]
const noTestOrBench = { regex: '^(\\.\\./)+(test|bench)(/|$)', message: 'Product code never imports test/ or bench/.' }
const noElectron = { name: 'electron', message: 'Engine folders are plain Node: only electron/main and electron/preload import electron.' }

function restrict(files, patterns, paths = [noElectron]) {
  return { files, rules: { 'no-restricted-imports': ['error', { paths, patterns: [noTestOrBench, ...patterns] }] } }
}

function electronLayers() {
  const engineRules = ENGINES.map((folder) => {
    const allowed = reachable(folder)
    const above = [...ENGINES, 'api', 'services', ...HOSTS].filter((f) => f !== folder && !allowed.has(f))
    return restrict(
      [`electron/${folder}/**/*.ts`],
      folderPattern(above).map((regex) => ({ regex, message: `electron/${folder} may import ${allowed.size ? `only ${[...allowed].join(', ')} and shared/` : 'only shared/'}: see the README's layers.` }))
    )
  })
  const switchboard = ['api', 'services'].map((folder) =>
    restrict(
      [`electron/${folder}/**/*.ts`],
      folderPattern(HOSTS).map((regex) => ({ regex, message: `electron/${folder} imports engines, never the hosts (main, preload, web, cli).` }))
    )
  )
  const hosts = HOSTS.map((folder) =>
    restrict(
      [`electron/${folder}/**/*.ts`],
      [
        ...folderPattern([...ENGINES, 'services'], true).map((regex) => ({ regex, message: 'Hosts import services/ and the engines\' public index.ts only.' })),
        ...folderPattern(['api', ...HOSTS.filter((h) => h !== folder)]).map((regex) => ({ regex, message: 'Hosts reach the dispatcher through services/, and never each other.' }))
      ],
      folder === 'main' || folder === 'preload' ? [] : [noElectron]
    )
  )
  return [...engineRules, ...switchboard, ...hosts]
}

/** Layering, in the spirit of VS Code's code-layering rule: folders are layers, lint says who imports whom. */
const layers = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is the contract: no electron imports.' }],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs in the renderer too: no node imports.' },
            { group: ['react', 'react-dom', '**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/ and zod.' },
            noTestOrBench
          ]
        }
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer']
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the main side only through shared/ and its transport.' }],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no node APIs.' },
            { group: ['**/electron/**', '../../electron/*'], message: 'The renderer imports only @shared/ from outside renderer/.' },
            noTestOrBench
          ]
        }
      ]
    }
  },
  ...electronLayers(),
  {
    files: ['bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+test/(?!fixtures/)', message: 'Benchmarks share peers with the tests through scripts/peers/ and data through test/fixtures/, nothing else of test/.' }] }
      ]
    }
  }
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  ...layers
)
