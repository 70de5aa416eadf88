/**
 * Electron entry (built to out/main/index.js): composes the host, implements nothing.
 *
 * Before `ready`: privileged schemes, sandbox for every renderer, the single-instance lock.
 * After: security guards, the shared services (src/main/app-services.ts) in the data folder, the
 * app:// and daixa-media:// protocols, the IPC bridge, the updater, the menu, the window. Every
 * piece returns a stop function; they run in reverse order when the app quits, then the services
 * stop (recordings are flushed), and only then does the app really exit.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron'
import type * as ElectronUpdater from 'electron-updater'
import { createAppServices, type AppServices } from '../app-services'
import { consoleSink, createLogger } from '../services/logger'
import { createOnAirHold } from '../services/updater/on-air-hold'
import { createAppFileHandler, registerAppProtocol } from './app-protocol'
import { checkForUpdatesInteractively, showAbout } from './dialogs'
import { registerIpcBridge } from './ipc'
import { openMainWindow } from './main-window'
import { createMediaHandler, registerMediaProtocol } from './media-protocol'
import { createKeychainSealer } from './secret-sealer'
import { installAppMenu } from './menu'
import { hostLabels } from './menu-labels'
import { APP_ENTRY_URL, createOriginCheck, MEDIA_BASE_URL, PRIVILEGED_SCHEMES } from './schemes'
import { installSecurityGuards } from './security'
import { devRendererUrl, hasSwitch, resolveDataDir } from './startup-options'
import { startUpdater } from './updater'
import { watchWindowOwner } from './window-owner'

const APP_ID = 'vn.daixa.app'
const PRODUCT_NAME = 'Đài Xã'
const here = dirname(fileURLToPath(import.meta.url))
const preloadPath = join(here, '../preload/index.cjs')
const rendererDir = join(here, '../renderer')
const log = createLogger(consoleSink)

// electron-updater is CommonJS and defines `autoUpdater` through a getter that Node's ES module
// loader does not expose as a named export, so it is required rather than imported.
const loadAutoUpdater = (): ElectronUpdater.AppUpdater =>
  (createRequire(import.meta.url)('electron-updater') as typeof ElectronUpdater).autoUpdater

protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES)
app.enableSandbox()
if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

if (!app.requestSingleInstanceLock()) {
  log.info('electron: Đài Xã is already running; the running copy takes over')
  app.quit()
} else {
  start().catch((error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    log.error(`electron: failed to start: ${detail}`)
    dialog.showErrorBox(PRODUCT_NAME, `Không khởi động được Đài Xã.\nĐài Xã could not start.\n\n${String(error)}`)
    app.exit(1)
  })
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })
  await app.whenReady()

  const isDev = !app.isPackaged
  const devUrl = devRendererUrl(process.env, app.isPackaged)
  const isTrustedOrigin = createOriginCheck(devUrl)
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
  const version = app.getVersion()
  const stops: Array<() => void> = []

  // Guards first, so every web contents created from here on is hardened.
  stops.push(installSecurityGuards({ app, session: session.defaultSession, isTrustedOrigin, log }))
  const services = await createAppServices({
    dataDir,
    info: { version, host: 'electron', platform: process.platform, mediaBaseUrl: MEDIA_BASE_URL },
    log,
    sealer: createKeychainSealer(),
  })
  stops.push(registerAppProtocol(protocol, createAppFileHandler({ root: rendererDir, log })))
  stops.push(registerMediaProtocol(protocol, createMediaHandler({ store: services.store, isTrustedOrigin, log })))
  stops.push(
    registerIpcBridge({
      ipcMain,
      dispatch: services.dispatch,
      bus: services.bus,
      isTrustedOrigin,
      targets: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
      log,
    }),
  )

  const onAir = createOnAirHold()
  const updater = startUpdater({ updater: loadAutoUpdater(), settings: services.settings, isOnAir: onAir.isOnAir, log })
  stops.push(() => updater.stop())
  app.on('before-quit', () => updater.beforeQuit())

  stops.push(
    installAppMenu({
      setMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
      settings: services.settings,
      bus: services.bus,
      isDev,
      log,
      about: (labels) =>
        void showAbout(mainWindow, labels, { productName: PRODUCT_NAME, version }).catch((error: unknown) =>
          log.error(`electron: the About dialog failed: ${String(error)}`),
        ),
      checkForUpdates: (labels) =>
        void checkForUpdatesInteractively(mainWindow, labels, updater, version).catch((error: unknown) =>
          log.error(`updater: the officer's check failed: ${String(error)}`),
        ),
    }),
  )

  mainWindow = openMainWindow({
    url: devUrl ?? APP_ENTRY_URL,
    preloadPath,
    hasDevTools: isDev || hasSwitch(process.argv, 'devtools'),
    title: PRODUCT_NAME,
    onAir,
    labels: () => hostLabels[services.settings.get().language],
    log,
  })
  // What the window records ends (and is offered back) when its page crashes, reloads or closes.
  stops.push(watchWindowOwner(mainWindow.webContents, services.ownerGone, log))
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  app.on('window-all-closed', () => app.quit())
  stopOnQuit(services, stops)
  log.info(`electron: Đài Xã ${version} started (data: ${dataDir}${devUrl ? `, dev renderer ${devUrl}` : ''})`)
}

/** Holds the first quit until everything has stopped and the services have flushed, then quits for real. */
function stopOnQuit(services: AppServices, stops: Array<() => void>): void {
  let isStopping = false
  app.on('will-quit', (event) => {
    if (isStopping) return
    isStopping = true
    event.preventDefault()
    for (const stop of stops.reverse()) {
      try {
        stop()
      } catch (error) {
        log.error(`electron: stopping failed: ${String(error)}`)
      }
    }
    services
      .stop()
      .catch((error: unknown) => log.error(`electron: stopping services failed: ${String(error)}`))
      .finally(() => app.quit())
  })
}
