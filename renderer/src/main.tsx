import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { applyTheme } from './context/ThemeContext'
import './styles/theme.css'
import './styles/layout.css'
import './styles/ttl.css'
import './styles/inspect.css'
import './styles/watch.css'
import './styles/lab.css'

// the system's scheme before the first paint; the user's saved choice follows from the main side
applyTheme('system')

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)
