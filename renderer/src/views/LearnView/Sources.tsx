import type { Source } from '@shared/experiments'

export function Sources({ sources }: { sources: readonly Source[] }) {
  return (
    <>
      <h4>Sources</h4>
      <ul data-testid="learn-sources">
        {sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noreferrer">
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </>
  )
}
