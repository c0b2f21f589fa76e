/**
 * Owner names in plain string order without making them strings: an MSD radix sort of node ids over
 * their packed ASCII octets (for ASCII, octet order is JavaScript's code-unit order; a name that ends
 * first sorts first).
 */

const SMALL = 24

/** Node ids 0..count-1 ordered by bytes[start[id], start[id + 1]). The names must be distinct. */
export function sortByBytes(bytes: Uint8Array, start: Uint32Array, count: number): Uint32Array {
  const ids = new Uint32Array(count)
  for (let i = 0; i < count; i++) ids[i] = i
  const tmp = new Uint32Array(count)
  // 0: the name has ended; else octet + 1
  const at = (id: number, depth: number): number => {
    const p = start[id]! + depth
    return p < start[id + 1]! ? bytes[p]! + 1 : 0
  }
  const less = (a: number, b: number, depth: number): boolean => {
    for (let d = depth; ; d++) {
      const x = at(a, d)
      const y = at(b, d)
      if (x !== y) return x < y
      if (x === 0) return false
    }
  }
  const sort = (lo: number, hi: number, depth: number): void => {
    if (hi - lo <= SMALL) {
      for (let i = lo + 1; i < hi; i++) {
        const id = ids[i]!
        let j = i - 1
        while (j >= lo && less(id, ids[j]!, depth)) ids[j + 1] = ids[j--]!
        ids[j + 1] = id
      }
      return
    }
    const counts = new Int32Array(258)
    let min = 257
    let max = 0
    for (let i = lo; i < hi; i++) {
      const c = at(ids[i]!, depth)
      counts[c + 1]!++
      if (c < min) min = c
      if (c > max) max = c
    }
    for (let c = min; c <= max; c++) counts[c + 1]! += counts[c]!
    for (let i = lo; i < hi; i++) {
      const id = ids[i]!
      tmp[lo + counts[at(id, depth)]!++] = id
    }
    ids.set(tmp.subarray(lo, hi), lo)
    // after the pass counts[c] is where bucket c ends; bucket 0 (ended names) holds at most one
    let from = lo + (min === 0 ? counts[0]! : 0)
    for (let c = Math.max(min, 1); c <= max; c++) {
      const to = lo + counts[c]!
      if (to - from > 1) sort(from, to, depth + 1)
      from = to
    }
  }
  sort(0, count, 0)
  return ids
}
