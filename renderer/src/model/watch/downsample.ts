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
