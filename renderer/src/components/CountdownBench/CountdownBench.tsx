import { TtlCountdown } from '../TtlCountdown/TtlCountdown'

export interface BenchRecord {
  name: string
  type: string
  data: string
  ttl: number
  receivedAtMs: number
}

/** `count` synthetic records received at `startMs`, with TTLs spread so that none expires during a bench run. */
export function benchRecords(count: number, startMs: number): BenchRecord[] {
  const types = ['A', 'AAAA', 'CNAME', 'MX', 'TXT']
  return Array.from({ length: count }, (_, i) => ({
    name: `host-${i}.bench.test.`,
    type: types[i % types.length]!,
    data: i % 2 ? `192.0.2.${i % 250}` : `2001:db8::${i.toString(16)}`,
    ttl: 300 + ((i * 37) % 3300),
    receivedAtMs: startMs - (i % 60) * 1000
  }))
}

/**
 * Benchmark-only page body (bench/ui-page): rows of records, each with a live TTL countdown, as an inspect result
 * with many records shows them. Not imported by the app.
 */
export function CountdownBench({ records }: { records: readonly BenchRecord[] }) {
  return (
    <main className="app-main" data-testid="countdown-bench" data-rows={records.length}>
      <table>
        <tbody>
          {records.map((r) => (
            <tr key={r.name}>
              <td>
                <code>{r.name}</code>
              </td>
              <td>{r.type}</td>
              <td>
                <code>{r.data}</code>
              </td>
              <td>
                <TtlCountdown receivedAtMs={r.receivedAtMs} ttl={r.ttl} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  )
}
