/** One hour of synthetic watch data (3600 rounds at 1 Hz × apex/target × A/AAAA), seeded into a fresh watch.sqlite. */
import { join } from 'node:path'
import type { WatchSample } from '@shared/inspector'
import { WatchStore } from '../../electron/inspector/watch-store'

const WATCH_ROUNDS = 3600

/** 3600 rounds at 1 Hz: the target rotates every 300 s (TTL 60, counting down in a cache); the apex follows 20–70 s later. */
function syntheticHour(sessionId: string, startWall: number): WatchSample[] {
  const samples: WatchSample[] = []
  let seq = 0
  const targetSet = (k: number, family: 'A' | 'AAAA') => (family === 'A' ? [`192.0.2.${10 + (k % 200)}`] : [`2001:db8::${(16 + k).toString(16)}`])
  for (let t = 0; t < WATCH_ROUNDS; t++) {
    const k = Math.floor(t / 300)
    const lag = 20 + ((k * 13) % 50)
    const apexK = t % 300 < lag && k > 0 ? k - 1 : k
    for (const side of ['apex', 'target'] as const) {
      for (const family of ['A', 'AAAA'] as const) {
        // a caching resolver's view: counting down from 60, refetched at expiry (the apex out of phase)
        const ttl = side === 'target' ? 60 - (t % 60) : 60 - ((t + 17) % 60)
        samples.push({
          sessionId,
          seq: seq++,
          viewpoint: 'resolver',
          resolverIndex: 0,
          side,
          family,
          elapsedMs: t * 1000 + (side === 'target' ? 3 : 1) + (family === 'AAAA' ? 1 : 0),
          receivedAtWallMs: startWall + t * 1000,
          receivedAtMonoMs: t * 1000,
          status: 'ok',
          rcode: 'NOERROR',
          values: targetSet(side === 'apex' ? apexK : k, family),
          ttl
        })
      }
    }
  }
  return samples
}

export function seedWatchStore(dataDir: string): { id: string; samples: number } {
  const store = new WatchStore(join(dataDir, 'watch.sqlite'))
  const id = 'bench-one-hour'
  const startWall = Date.now() - WATCH_ROUNDS * 1000
  store.createSession({
    id,
    apex: 'example.test.',
    target: 'cdn.example.test.',
    resolvers: [{ transport: 'udp', host: '127.0.0.1', port: 5353, label: 'bench resolver' }],
    labels: ['bench resolver'],
    mode: 'interval',
    intervalSeconds: 1,
    state: 'running',
    startedAtWallMs: startWall
  })
  const samples = syntheticHour(id, startWall)
  for (const sample of samples) store.addSample(sample)
  store.setState(id, 'finished', startWall + WATCH_ROUNDS * 1000)
  store.close()
  return { id, samples: samples.length }
}
