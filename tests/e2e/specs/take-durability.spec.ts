/**
 * No take is lost (browser host): a page whose process is killed mid-recording is offered the take
 * as soon as it is opened again; a recording that fills a really small disk (tmpfs) says so, and is
 * recovered once space is freed, with no restart. (A host away mid-recording: host-outage.spec.ts.)
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { LibraryScreen } from '../pages/LibraryScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { FAKE_MIC_HZ } from '../support/paths'
import { vi } from '../support/strings'
import { dominantFrequency, readWav } from '../support/wav'
import { mountTinyFs, type TinyFs } from '../../support/tiny-fs'

/** Kills every renderer process of the browser with SIGKILL, as a crash of the page would. */
async function killRenderers(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession()
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo')
  const renderers = processInfo.filter((p) => p.type === 'renderer')
  for (const p of renderers) process.kill(p.id, 'SIGKILL')
  await cdp.detach()
  return renderers.length
}

const elapsedMs = (page: Page): Promise<number> => page.evaluate(() => performance.now())

test.describe('a page killed mid-recording', () => {
  test('offers the take at once when the page is opened again', async ({ station, browser }) => {
    const record = new RecordScreen(station.page, vi)
    const startedAt = await record.start('Trang bị sập')
    await expect(record.elapsed()).toHaveText('00:03', { timeout: 10_000 })
    const killedAt = await elapsedMs(station.page)
    const crashed = station.page.waitForEvent('crash')
    expect(await killRenderers(browser)).toBeGreaterThan(0)
    await crashed

    // The officer opens Đài Xã again: the host has not restarted.
    const again = await station.page.context().newPage()
    await again.goto(station.url)
    const reopened = new RecordScreen(again, vi)
    await expect(reopened.recovery()).toContainText('Trang bị sập', { timeout: 5000 })
    await reopened.recoverButton().click()
    await expect(reopened.recovery()).toHaveCount(0)
    const [file] = station.mediaFiles()
    const wav = readWav(file ?? '')
    expect(wav.durationS).toBeGreaterThanOrEqual((killedAt - startedAt) / 1000 - 1)
    expect(Math.abs(dominantFrequency(wav.samples, wav.sampleRate) - FAKE_MIC_HZ) / FAKE_MIC_HZ).toBeLessThan(0.02)
    await again.getByRole('menuitem', { name: vi('nav.library') }).click()
    await expect(new LibraryScreen(again, vi).row('Trang bị sập')).toBeVisible()
  })
})

test.describe('a recording that fills the disk', () => {
  let tiny: TinyFs | null = null
  // The data folder is a 2 MB tmpfs, mounted before the host starts on it; unmounted (lazily: the
  // host may still run) before the fixture removes the folder.
  test.use({
    // eslint-disable-next-line no-empty-pattern
    seedDataDir: async ({}, use) => {
      await use((dir) => void (tiny = mountTinyFs(2 * 1024 * 1024, dir)))
    },
  })
  test.afterEach(() => {
    tiny?.unmount()
    tiny = null
  })

  test('says what happened and what to do, and recovers once space is freed, with no restart', async ({ station }) => {
    if (!tiny) throw new Error('e2e: the tmpfs was not mounted')
    const disk: TinyFs = tiny
    const record = new RecordScreen(station.page, vi)
    await expect(record.startButton()).toBeEnabled({ timeout: 30_000 })
    disk.fill(300_000) // about 3 s of recording
    await record.start('Đầy ổ đĩa')
    await expect(record.alertSaying('record.diskFull')).toBeVisible({ timeout: 20_000 })
    await expect(record.recovery()).toContainText('Đầy ổ đĩa')
    await expect(record.elapsed()).not.toHaveText('00:00')

    disk.fill(0) // the officer has not freed anything yet
    await record.recoverButton().click()
    await expect(station.page.getByText(vi('errors.disk-full'))).toBeVisible()
    const temporary = readdirSync(station.dataDir, { recursive: true, encoding: 'utf8' }).filter((n) =>
      n.endsWith('.tmp'),
    )
    expect(temporary).toEqual([])

    disk.free()
    await record.recoverButton().click()
    await expect(station.page.getByText(vi('recovery.recovered'))).toBeVisible()
    await expect(record.recovery()).toHaveCount(0)
    expect(readdirSync(join(station.dataDir, 'media')).filter((n) => n.endsWith('.wav'))).toHaveLength(1)
    await station.page.getByRole('menuitem', { name: vi('nav.library') }).click()
    await expect(new LibraryScreen(station.page, vi).row('Đầy ổ đĩa')).toBeVisible()
  })
})
