import Module, { createRequire } from 'node:module'

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown

/** Requires a built CommonJS bundle with `require('electron')` answered by the given fake. */
export function requireWithFakeElectron(path: string, fake: unknown): unknown {
  const moduleWithLoad = Module as unknown as { _load: Loader }
  const original = moduleWithLoad._load
  moduleWithLoad._load = function (request, parent, isMain) {
    if (request === 'electron') return fake
    return original.call(this, request, parent, isMain)
  }
  try {
    const require = createRequire(import.meta.url)
    delete require.cache[require.resolve(path)]
    return require(path)
  } finally {
    moduleWithLoad._load = original
  }
}
