import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const alias = { '@shared': resolve(__dirname, 'shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Browser mode: the same services behind loopback HTTP + WebSocket, run with plain Node.
          web: resolve(__dirname, 'electron/web/index.ts'),
          // Parses big zones off the main thread (electron/alias-server/zone-loader.ts finds it beside the bundle).
          'zone-worker': resolve(__dirname, 'electron/alias-server/zone-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload cannot load ES modules or node_modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified; minified, the first load is a third of the size
      minify: true,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: {
          // The chart library loads with the first view that draws a chart, in a chunk of its own. React gets a
          // group of higher priority: a group takes in the dependencies nobody else claims, and React must stay
          // in the first load.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
              { name: 'charts', test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|decimal\.js-light|@reduxjs|immer|reselect|redux|react-redux|es-toolkit|eventemitter3)[\\/]/, priority: 1 }
            ]
          }
        }
      }
    }
  }
})
