/** A point of a time series: x in seconds (or any increasing unit), y the value. */
export interface Point {
  x: number
  y: number
}

/**
 * Min/max buckets: at most `maxPoints` points that keep every bucket's lowest and highest value, in x order,
 * plus the first and last point. Right for sawtooth TTL lines, whose peaks and troughs are the point of the
 * chart. Pure; returns the input itself when it is already small enough. `points` must be sorted by x.
 */
export function downsampleMinMax(points: readonly Point[], maxPoints: number): readonly Point[] {
  const limit = Math.max(4, Math.floor(maxPoints))
  if (points.length <= limit) return points
  const first = points[0]!
  const last = points[points.length - 1]!
  // the first and last points are kept apart; each bucket in between gives at most two points
  const buckets = Math.floor((limit - 2) / 2)
  const inner = points.length - 2
  const out: Point[] = [first]
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets)
    const end = 1 + Math.floor(((b + 1) * inner) / buckets)
    if (end <= start) continue
    let minIndex = start
    let maxIndex = start
    for (let i = start + 1; i < end; i++) {
      const y = points[i]!.y
      if (y < points[minIndex]!.y) minIndex = i
      if (y > points[maxIndex]!.y) maxIndex = i
    }
    if (minIndex === maxIndex) out.push(points[minIndex]!)
    else if (minIndex < maxIndex) out.push(points[minIndex]!, points[maxIndex]!)
    else out.push(points[maxIndex]!, points[minIndex]!)
  }
  out.push(last)
  return out
}

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): `threshold` points that keep the visual shape of a line.
 * Pure; returns the input itself when it is already small enough. `points` must be sorted by x.
 */
export function lttb(points: readonly Point[], threshold: number): readonly Point[] {
  const n = points.length
  const target = Math.max(3, Math.floor(threshold))
  if (n <= target) return points
  const out: Point[] = [points[0]!]
  const every = (n - 2) / (target - 2)
  let a = 0
  for (let i = 0; i < target - 2; i++) {
    // the average of the next bucket is the third corner of the triangle
    const nextStart = Math.floor((i + 1) * every) + 1
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n)
    let avgX = 0
    let avgY = 0
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += points[j]!.x
      avgY += points[j]!.y
    }
    const count = Math.max(1, nextEnd - nextStart)
    avgX /= count
    avgY /= count
    const start = Math.floor(i * every) + 1
    const end = Math.floor((i + 1) * every) + 1
    const pa = points[a]!
    let best = start
    let bestArea = -1
    for (let j = start; j < end; j++) {
      const p = points[j]!
      const area = Math.abs((pa.x - avgX) * (p.y - pa.y) - (pa.x - p.x) * (avgY - pa.y))
      if (area > bestArea) {
        bestArea = area
        best = j
      }
    }
    out.push(points[best]!)
    a = best
  }
  out.push(points[n - 1]!)
  return out
}
