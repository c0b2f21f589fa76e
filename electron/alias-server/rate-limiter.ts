/**
 * Response-rate limiting for UDP (on when the server listens beyond loopback): per client /24
 * (IPv4) or /64 (IPv6), at most N responses a second; every `slip`-th response over the limit goes
 * out truncated (TC, no records) so that a real client retries over TCP, the others are dropped.
 */
import { parseIPv6 } from '@shared/ip-text'

export type RateDecision = 'send' | 'slip' | 'drop'

interface Bucket {
  second: number
  count: number
  over: number
}

const MAX_BUCKETS = 100_000

function prefixOf(address: string): string {
  if (!address.includes(':')) return address.slice(0, address.lastIndexOf('.'))
  const mapped = /^::ffff:(\d+\.\d+\.\d+)\.\d+$/i.exec(address)
  if (mapped) return mapped[1]!
  const bytes = parseIPv6(address.replace(/%.*$/, ''))
  return bytes ? Buffer.from(bytes.subarray(0, 8)).toString('hex') : address
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  decide(address: string, nowMs: number, perSecond: number, slip: number): RateDecision {
    const second = Math.floor(nowMs / 1000)
    const key = prefixOf(address)
    let bucket = this.buckets.get(key)
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear()
      bucket = { second, count: 0, over: 0 }
      this.buckets.set(key, bucket)
    }
    if (bucket.second !== second) {
      bucket.second = second
      bucket.count = 0
    }
    if (++bucket.count <= perSecond) return 'send'
    bucket.over++
    return slip > 0 && bucket.over % slip === 0 ? 'slip' : 'drop'
  }
}
