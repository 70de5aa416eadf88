/**
 * A page whose process is killed mid-recording (browser host: the page and the host are separate
 * processes) is offered the take as soon as it is opened again, with no restart of the host.
 */
import type { Browser, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { LibraryScreen } from '../pages/LibraryScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { FAKE_MIC_HZ } from '../support/paths'
import { vi } from '../support/strings'
import { dominantFrequency, readWav } from '../support/wav'

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
    await record.waitElapsed(3)
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
