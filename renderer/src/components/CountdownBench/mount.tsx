import { createRoot } from 'react-dom/client'
import '../../styles/theme.css'
import '../../styles/layout.css'
import { benchRecords, CountdownBench } from './CountdownBench'

// Entry of bench/ui-page/countdown.html (built by `npm run bench:ui` only): ?rows=N records counting down.
const rows = Math.max(1, Math.min(10_000, Number(new URLSearchParams(location.search).get('rows') ?? 200)))
const root = document.getElementById('root')
if (!root) throw new Error('#root is missing')
createRoot(root).render(<CountdownBench records={benchRecords(rows, Date.now())} />)
