import type { WatchSample } from '@shared/inspector'

/** The samples in seq order; the array itself when it already is. */
export function inSeqOrder(samples: readonly WatchSample[]): readonly WatchSample[] {
  for (let i = 1; i < samples.length; i++) {
    if (samples[i]!.seq < samples[i - 1]!.seq) return [...samples].sort((a, b) => a.seq - b.seq)
  }
  return samples
}

/** The union of two sample lists by seq, in seq order; returns `base` itself when `extra` adds nothing. */
export function mergeSamples(base: readonly WatchSample[], extra: readonly WatchSample[]): readonly WatchSample[] {
  if (extra.length === 0) return base
  const lastSeq = base.length ? base[base.length - 1]!.seq : -1
  // the common case: live samples that all come after what is there
  const sorted = [...extra].sort((a, b) => a.seq - b.seq)
  if (sorted[0]!.seq > lastSeq) {
    const out = base.slice()
    let seq = lastSeq
    for (const s of sorted) {
      if (s.seq === seq) continue
      out.push(s)
      seq = s.seq
    }
    return out
  }
  const bySeq = new Map<number, WatchSample>()
  for (const s of base) bySeq.set(s.seq, s)
  let added = false
  for (const s of sorted) {
    if (!bySeq.has(s.seq)) {
      bySeq.set(s.seq, s)
      added = true
    }
  }
  return added ? [...bySeq.values()].sort((a, b) => a.seq - b.seq) : base
}
