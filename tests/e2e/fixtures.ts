/**
 * One fixture, two hosts. `station` is the app as the officer has it: in the browser host
 * (a real host process + Debian Chromium) or, in the `electron` project, the real Electron app.
 * Specs only use `station.page`, `crash()`, `restart()` and the data folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test'
import { startHost, type HostProcess } from './support/host-process'
import { CHROMIUM_ARGS, ELECTRON_MAIN, FAKE_MIC_ARGS } from './support/paths'

export interface Station {
  readonly page: Page
  readonly dataDir: string
  /** The .wav files in the media store. */
  mediaFiles(): string[]
  /** Kills the host process (SIGKILL), like a crash or a power cut. */
  crash(): Promise<void>
  /** Starts the app again on the same data folder and opens it. */
  restart(): Promise<void>
  /** Browser host only: starts the host again on the same port and folder, leaving the page as it is. */
  restartHost(): Promise<void>
  /** Where the page is served (the browser host's origin, or the Electron app's). */
  readonly url: string
}

async function browserStation(page: Page, dataDir: string): Promise<Station & { close(): Promise<void> }> {
  let host: HostProcess = await startHost(dataDir)
  await page.goto(host.url)
  return {
    page,
    dataDir,
    mediaFiles: () => listWav(join(dataDir, 'media')),
    crash: () => host.kill(),
    async restart() {
      // Same port, same origin: the renderer's IndexedDB is per origin.
      host = await startHost(dataDir, host.port)
      await page.goto(host.url)
    },
    async restartHost() {
      host = await startHost(dataDir, host.port)
      // A new launch has a new key: the living page gets the new session cookie the way the officer
      // would (opening the printed address), through its context's cookie jar, without reloading.
      await page.context().request.get(host.url)
    },
    get url() {
      return host.url
    },
    close: () => host.stop(),
  }
}

async function electronStation(dataDir: string): Promise<Station & { close(): Promise<void> }> {
  const launch = () =>
    _electron.launch({ args: [ELECTRON_MAIN, `--data-dir=${dataDir}`, ...CHROMIUM_ARGS, ...FAKE_MIC_ARGS] })
  let app: ElectronApplication = await launch()
  let page = await app.firstWindow()
  return {
    get page() {
      return page
    },
    dataDir,
    mediaFiles: () => listWav(join(dataDir, 'media')),
    async crash() {
      app.process().kill('SIGKILL')
      await new Promise((r) => app.process().once('exit', r))
    },
    async restart() {
      app = await launch()
      page = await app.firstWindow()
    },
    restartHost: () => Promise.reject(new Error('e2e: the Electron app has no separate host to restart')),
    get url() {
      return page.url()
    },
    close: () => app.close().catch(() => undefined),
  }
}

function listWav(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.wav'))
      .map((n) => join(dir, n))
  } catch {
    return []
  }
}

/** Writes files into the data folder before the app first starts (e.g. a `hardware.json`). */
export type SeedDataDir = ((dataDir: string) => void) | null

export const test = base.extend<{ station: Station; seedDataDir: SeedDataDir }>({
  seedDataDir: [null, { option: true }],
  station: async ({ page, seedDataDir }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'daixa-e2e-'))
    seedDataDir?.(dataDir)
    const station =
      testInfo.project.name === 'electron' ? await electronStation(dataDir) : await browserStation(page, dataDir)
    await use(station)
    await station.close()
    rmSync(dataDir, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'
