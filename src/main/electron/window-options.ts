/**
 * The main window's options. Security: the page runs sandboxed, with context isolation and no Node,
 * and reaches the host only through the preload's `window.daixa`. Broadcast: a hidden or minimised
 * window must keep exact time and may start sound without a click (a session scheduled for 5:30
 * plays to an empty room), hence no background throttling and no autoplay gesture requirement.
 */
import type { BrowserWindowConstructorOptions } from 'electron'

export interface MainWindowOptions {
  preloadPath: string
  /** DevTools: in development, or when the app is started with --devtools (field diagnosis). */
  hasDevTools: boolean
  title: string
}

export function mainWindowOptions({
  preloadPath,
  hasDevTools,
  title,
}: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    title,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Spell-check dictionaries are downloaded from Google: no network calls the station did not ask for.
      spellcheck: false,
      devTools: hasDevTools,
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
    },
  }
}
