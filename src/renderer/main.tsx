/**
 * Renderer entry: read the station's preferences, set the language, render the app, then let the
 * rendition keeper render any edit list left unrendered (docs/audio.md, "Renditions").
 */
// antd's reset (no browser margin around the window, box sizing, the system font stack).
import 'antd/dist/reset.css'
import './app/contrast.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { requestRenditions } from './audio/renditions/keeper'
import { call } from './bridge/bridge'
import { initI18n } from './i18n/i18n'

async function boot(): Promise<void> {
  const prefs = await call('settings:get', {}).catch(() => null)
  await initI18n(prefs?.language ?? 'vi')
  const root = document.getElementById('root')
  if (!root) throw new Error('renderer: #root is missing from index.html')
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
  requestRenditions(5000)
}

void boot()
