import { useMemo, useSyncExternalStore } from 'react'

/**
 * Concrete colours for charts, read from the CSS variables of the current scheme. Charts get plain colour
 * strings (not `var(--x)`) so that an exported SVG or PNG looks the same outside the app.
 */
export interface ChartTheme {
  dark: boolean
  background: string
  text: string
  muted: string
  grid: string
  accent: string
  danger: string
  stale: string
  /** Distinct colours for series and address sets. */
  palette: string[]
  series: Record<'apex-A' | 'target-A' | 'apex-AAAA' | 'target-AAAA', string>
}

/** The scheme in use is the root's data-theme (ThemeContext sets it from the user's choice or the system's). */
function subscribe(listener: () => void): () => void {
  const observer = new MutationObserver(listener)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  return () => observer.disconnect()
}

const isDark = () => document.documentElement.dataset.theme === 'dark'

function readTheme(dark: boolean): ChartTheme {
  const style = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  const palette = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => v(`--chart-${i}`, '#888888'))
  return {
    dark,
    background: v('--surface', dark ? '#1c2027' : '#ffffff'),
    text: v('--text', dark ? '#e6e9ee' : '#1b1f24'),
    muted: v('--muted', '#5b6470'),
    grid: v('--chart-grid', '#d8dde3'),
    accent: v('--accent', '#2457c5'),
    danger: v('--danger', '#b42318'),
    stale: v('--chart-stale', '#b42318'),
    palette,
    series: {
      'apex-A': v('--chart-apex-a', palette[0]!),
      'target-A': v('--chart-target-a', palette[1]!),
      'apex-AAAA': v('--chart-apex-aaaa', palette[2]!),
      'target-AAAA': v('--chart-target-aaaa', palette[3]!)
    }
  }
}

/** The chart colours of the scheme in use; re-read when the theme switches between light and dark. */
export function useChartTheme(): ChartTheme {
  const dark = useSyncExternalStore(subscribe, isDark)
  return useMemo(() => readTheme(dark), [dark])
}
