// the global sheets first: a component's CSS module, loaded with the component, comes after them and wins ties
import './styles/theme.css'
import './styles/layout.css'
import './styles/controls.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { applyTheme } from './context/ThemeContext'

// the system's scheme before the first paint; the user's saved choice follows from the main side
applyTheme('system')

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)
