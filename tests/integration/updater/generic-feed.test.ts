/**
 * electron-updater's real AppImageUpdater, in plain Node, against a generic feed on 127.0.0.1:
 * what the station's laptop does when its update server answers.
 */
import { readFile } from 'node:fs/promises'
import type { UpdateDownloadedEvent, UpdateInfo } from 'electron-updater'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { sha512Base64, startFeedServer, type FeedServer } from './feed-server'
import { createUpdaterFixture, type UpdaterFixture } from './updater-fixture'

describe('generic update feed', () => {
  let feed: FeedServer
  let fixture: UpdaterFixture

  beforeAll(async () => {
    feed = await startFeedServer()
  })
  afterAll(() => feed.close())
  beforeEach(async () => {
    feed.requests.length = 0
    feed.offer('1.2.0')
    fixture = await createUpdaterFixture('1.0.0')
    fixture.updater.autoDownload = false
    fixture.updater.setFeedURL({ provider: 'generic', url: feed.url })
  })
  afterEach(() => fixture.dispose())

  it('reports update-available when the feed offers a newer version', async () => {
    const available: UpdateInfo[] = []
    fixture.updater.on('update-available', (info) => available.push(info))
    const result = await fixture.updater.checkForUpdates()
    expect(result?.isUpdateAvailable).toBe(true)
    expect(available.map((i) => i.version)).toEqual(['1.2.0'])
    expect(feed.requests).toEqual(['/updates/latest-linux.yml'])
  })

  it('reports update-not-available when the feed offers the running version', async () => {
    feed.offer('1.0.0')
    let isNotAvailable = false
    fixture.updater.on('update-not-available', () => (isNotAvailable = true))
    const result = await fixture.updater.checkForUpdates()
    expect(result?.isUpdateAvailable).toBe(false)
    expect(isNotAvailable).toBe(true)
  })

  it('downloads the update and checks its sha512', async () => {
    const downloaded: UpdateDownloadedEvent[] = []
    fixture.updater.on('update-downloaded', (event) => downloaded.push(event))
    await fixture.updater.checkForUpdates()
    const files = await fixture.updater.downloadUpdate()
    expect(downloaded).toHaveLength(1)
    const file = downloaded[0]?.downloadedFile ?? ''
    expect(files).toContain(file)
    expect(file.startsWith(`${fixture.dir}/cache/dai-xa-updater/pending/`)).toBe(true)
    const bytes = await readFile(file)
    expect(sha512Base64(bytes)).toBe(sha512Base64(feed.payload))
    expect(feed.requests).toContain(`/updates/${feed.fileName}`)
  })

  it('rejects a download whose sha512 does not match the feed', async () => {
    feed.offer('1.2.0', { sha512: sha512Base64(Buffer.from('something else')) })
    const errors: string[] = []
    fixture.updater.on('error', (error) => errors.push(error.message))
    let isDownloaded = false
    fixture.updater.on('update-downloaded', () => (isDownloaded = true))
    await fixture.updater.checkForUpdates()
    await expect(fixture.updater.downloadUpdate()).rejects.toThrow(/sha512 checksum mismatch/)
    expect(isDownloaded).toBe(false)
    expect(errors.some((m) => /sha512 checksum mismatch/.test(m))).toBe(true)
  })
})
