import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'net', 'dgram', 'tls', 'http', 'http2', 'https', 'crypto', 'child_process', 'url']

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
            { group: ['react', 'react-dom', '**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/ and zod.' }
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
            { group: ['**/electron/**', '../../electron/*'], message: 'The renderer imports only @shared/ from outside renderer/.' }
          ]
        }
      ]
    }
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Engine folders are plain Node: only electron/main and electron/preload import electron.' }],
          patterns: [{ group: ['**/renderer/**', '**/main/*', '**/preload/*'], message: 'Engine folders do not import the hosts or the renderer.' }]
        }
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
