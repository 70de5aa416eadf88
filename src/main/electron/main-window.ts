/**
 * The one window of the app. Shown when its first paint is ready; reports whether it is making
 * sound (the on-air signal the updater respects); asks before closing while sound is playing;
 * reloads itself if its renderer dies, at most a few times, so a crash does not end the day's
 * schedule with no one at the laptop.
 */
import { BrowserWindow, dialog } from 'electron'
import type { Logger } from '../services/logger'
import type { OnAirHold } from '../services/updater/on-air-hold'
import type { HostLabels } from './menu-labels'
import { mainWindowOptions } from './window-options'

export interface OpenMainWindowOptions {
  url: string
  preloadPath: string
  hasDevTools: boolean
  title: string
  onAir: OnAirHold
  labels: () => HostLabels
  log: Logger
}

const CRASH_WINDOW_MS = 10 * 60_000
const MAX_RELOADS_PER_WINDOW = 3

export function openMainWindow({ url, preloadPath, hasDevTools, title, onAir, labels, log }: OpenMainWindowOptions) {
  const win = new BrowserWindow(mainWindowOptions({ preloadPath, hasDevTools, title }))
  const contents = win.webContents
  win.once('ready-to-show', () => win.show())
  contents.on('audio-state-changed', (event) => onAir.note(event.audible))

  let mayClose = false
  win.on('close', (event) => {
    if (mayClose || !contents.isCurrentlyAudible()) return
    const text = labels()
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title,
      message: text.closeWhileOnAir,
      buttons: [text.keepOpen, text.closeAnyway],
      defaultId: 0,
      cancelId: 0,
    })
    if (choice === 1) mayClose = true
    else event.preventDefault()
  })

  const crashes: number[] = []
  contents.on('render-process-gone', (_event, details) => {
    onAir.note(false)
    if (details.reason === 'clean-exit' || win.isDestroyed()) return
    const now = Date.now()
    crashes.push(now)
    while (crashes.length > 0 && (crashes[0] ?? now) < now - CRASH_WINDOW_MS) crashes.shift()
    if (crashes.length > MAX_RELOADS_PER_WINDOW) {
      log.error(`window: renderer gone (${details.reason}) ${crashes.length} times in 10 min; not reloading again`)
      return
    }
    log.error(`window: renderer gone (${details.reason}); reloading`)
    contents.reload()
  })

  contents.on('did-fail-load', (_event, code, description, failedUrl, isMainFrame) => {
    if (isMainFrame) log.error(`window: could not load ${failedUrl.slice(0, 200)}: ${code} ${description}`)
  })
  win.loadURL(url).catch((error: unknown) => log.error(`window: loading ${url} failed: ${String(error)}`))
  return win
}
