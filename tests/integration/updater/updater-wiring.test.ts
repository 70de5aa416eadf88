/**
 * src/main/electron/updater.ts driving a real AppImageUpdater against a local feed: the feed URL
 * comes from the station's settings, the download runs by itself, and the install (which replaces
 * and runs the AppImage) happens on quit only when the station is off air.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startUpdater, type Updater } from '../../../src/main/electron/updater'
import { createLogger } from '../../../src/main/services/logger'
import { createSettingsStore, type SettingsStore } from '../../../src/main/services/settings-store'
import { startFeedServer, type FeedServer } from './feed-server'
import { createUpdaterFixture, type UpdaterFixture } from './updater-fixture'

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

describe('updater wiring', () => {
  let feed: FeedServer
  let fixture: UpdaterFixture
  let settingsDir: string
  let settings: SettingsStore
  let updater: Updater
  let isOnAir: boolean
  const lines: string[] = []
  const log = createLogger((_level, line) => void lines.push(line))

  beforeAll(async () => {
    feed = await startFeedServer()
  })
  afterAll(() => feed.close())
  beforeEach(async () => {
    feed.requests.length = 0
    feed.offer('1.2.0')
    isOnAir = false
    fixture = await createUpdaterFixture('1.0.0')
    settingsDir = await mkdtemp(join(tmpdir(), 'daixa-updater-settings-'))
    settings = await createSettingsStore(settingsDir, log)
    // Long delays: the tests drive checks themselves, with checkNow().
    updater = startUpdater({
      updater: fixture.updater,
      settings,
      isOnAir: () => isOnAir,
      log,
      schedule: { startDelayMs: 3_600_000, intervalMs: 3_600_000, retryMs: 3_600_000 },
    })
  })
  afterEach(async () => {
    updater.stop()
    await fixture.dispose()
    await rm(settingsDir, { recursive: true, force: true })
  })

  const downloaded = () => new Promise<void>((resolve) => fixture.updater.once('update-downloaded', () => resolve()))

  it('asks no server while no feed URL is set', async () => {
    expect(await updater.checkNow()).toMatchObject({ phase: 'disabled' })
    expect(feed.requests).toEqual([])
  })

  it('refuses an http: feed with a message, asks it nothing, and takes an https one afterwards', async () => {
    let asked = 0
    const plain = createServer((_req, res) => {
      asked += 1
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/updates/`
      // The settings form refuses it (settings:update, see dispatcher.test.ts); one saved by an older
      // version still reaches the updater, which refuses it too.
      await settings.update({ updateFeedUrl: url })
      expect(await updater.checkNow()).toMatchObject({ phase: 'disabled', feedUrl: null })
      expect(asked).toBe(0)
      expect(lines).toContainEqual(expect.stringMatching(/^updater: refused the update feed http:.*only over https/))
      await settings.update({ updateFeedUrl: feed.url })
      const done = downloaded()
      expect(await updater.checkNow()).toMatchObject({ feedUrl: feed.url, availableVersion: '1.2.0' })
      await done
      expect(asked).toBe(0)
    } finally {
      plain.closeAllConnections()
      await new Promise<void>((resolve) => plain.close(() => resolve()))
    }
  })

  it('takes the feed URL from settings and downloads a newer version by itself', async () => {
    await settings.update({ updateFeedUrl: feed.url })
    const done = downloaded()
    expect(await updater.checkNow()).toMatchObject({ phase: 'downloading', availableVersion: '1.2.0' })
    await done
    expect(updater.status()).toMatchObject({ phase: 'downloaded', downloadedVersion: '1.2.0' })
    expect(feed.requests).toEqual(['/updates/latest-linux.yml', `/updates/${feed.fileName}`])
  })

  it('says up to date when the feed offers the running version', async () => {
    feed.offer('1.0.0')
    await settings.update({ updateFeedUrl: feed.url })
    expect(await updater.checkNow()).toMatchObject({ phase: 'idle', availableVersion: null })
  })

  it('reports a failed check when the server cannot be reached', async () => {
    const gone = await startFeedServer()
    await gone.close()
    await settings.update({ updateFeedUrl: gone.url })
    const status = await updater.checkNow()
    expect(status.phase).toBe('failed')
    expect(status.lastError).toMatch(/ECONNREFUSED/)
    expect(lines.some((l) => l.startsWith('updater: check failed'))).toBe(true)
  })

  it('does not install, on request or on quit, while the station is on air', async () => {
    await settings.update({ updateFeedUrl: feed.url })
    const done = downloaded()
    await updater.checkNow()
    await done
    isOnAir = true
    expect(updater.installNow()).toEqual({ allowed: false, reason: 'on-air' })
    updater.beforeQuit()
    expect(fixture.updater.autoInstallOnAppQuit).toBe(false)
    fixture.quit(0)
    expect(await readFile(fixture.appImagePath, 'utf8')).toBe('the running version')
    expect(await exists(fixture.markerPath)).toBe(false)
  })

  it('installs on quit when the station is off air', async () => {
    await settings.update({ updateFeedUrl: feed.url })
    const done = downloaded()
    await updater.checkNow()
    await done
    isOnAir = true
    updater.beforeQuit()
    isOnAir = false
    updater.beforeQuit()
    expect(fixture.updater.autoInstallOnAppQuit).toBe(true)
    fixture.quit(0)
    expect((await readFile(fixture.appImagePath)).equals(feed.payload)).toBe(true)
    expect(await readFile(fixture.markerPath, 'utf8')).toBe('installed true\n')
  })

  it('follows a new feed URL from settings and stops following once stopped', async () => {
    const other = await startFeedServer()
    try {
      other.offer('1.0.0')
      await settings.update({ updateFeedUrl: feed.url })
      await settings.update({ updateFeedUrl: other.url })
      expect(await updater.checkNow()).toMatchObject({ phase: 'idle', feedUrl: other.url })
      expect(other.requests).toEqual(['/updates/latest-linux.yml'])
      expect(feed.requests).toEqual([])
      updater.stop()
      await settings.update({ updateFeedUrl: null })
      expect(updater.status().feedUrl).toBe(other.url)
    } finally {
      await other.close()
    }
  })
})
