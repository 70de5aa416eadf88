/**
 * A real AppImageUpdater running in plain Node: a temporary "installation" (an existing
 * $APPIMAGE file, app-update.yml, cache and user-data folders), an AppAdapter that stands in for
 * Electron's `app`, and the Node HTTP executor. `quit(code)` runs what electron-updater hooked on
 * the app's `quit` event, as Electron would.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppImageUpdater } from 'electron-updater'
import type { AppAdapter } from 'electron-updater/out/AppAdapter'
import { NodeHttpExecutor } from './node-http-executor'

export interface UpdaterFixture {
  updater: AppImageUpdater
  dir: string
  appImagePath: string
  markerPath: string
  quit(exitCode?: number): void
  dispose(): Promise<void>
}

export async function createUpdaterFixture(currentVersion = '1.0.0'): Promise<UpdaterFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'daixa-updater-'))
  const appImagePath = join(dir, 'dai-xa.AppImage')
  const markerPath = join(dir, 'installed.txt')
  const configPath = join(dir, 'app-update.yml')
  await writeFile(appImagePath, 'the running version', { mode: 0o755 })
  await writeFile(
    configPath,
    'provider: generic\nurl: https://updates.example.invalid/daixa/\nupdaterCacheDirName: dai-xa-updater\n',
  )
  const quitHandlers: Array<(exitCode: number) => void> = []
  const app: AppAdapter = {
    version: currentVersion,
    name: 'dai-xa',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: join(dir, 'user-data'),
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: (handler) => void quitHandlers.push(handler),
  }
  const saved = { APPIMAGE: process.env.APPIMAGE, DAIXA_TEST_MARKER: process.env.DAIXA_TEST_MARKER }
  process.env.APPIMAGE = appImagePath
  process.env.DAIXA_TEST_MARKER = markerPath

  const updater = new AppImageUpdater(null, app)
  // `httpExecutor` is internal to electron-updater (absent from its .d.ts); this is the documented test seam.
  ;(updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor()
  // AppImages carry a block map for differential downloads; the fake payload has none.
  updater.disableDifferentialDownload = true
  updater.logger = null

  return {
    updater,
    dir,
    appImagePath,
    markerPath,
    quit: (exitCode = 0) => quitHandlers.forEach((handler) => handler(exitCode)),
    async dispose() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
