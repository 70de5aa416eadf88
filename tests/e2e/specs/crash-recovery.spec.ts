import { expect, test } from '../fixtures'
import { LibraryScreen } from '../pages/LibraryScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { FAKE_MIC_HZ } from '../support/paths'
import { vi } from '../support/strings'
import { dominantFrequency, readWav } from '../support/wav'

test('a recording cut by killing the host is offered back with all audio up to a second before the kill', async ({
  station,
}) => {
  const record = new RecordScreen(station.page, vi)
  const startedAt = await record.start('Bị mất điện')
  await record.waitElapsed(4)
  const killedAt = await station.page.evaluate(() => performance.now())
  await station.crash()
  await station.restart()

  const again = new RecordScreen(station.page, vi)
  await expect(again.recovery()).toBeVisible()
  await expect(again.recovery()).toContainText('Bị mất điện')
  await again.recoverButton().click()
  await expect(again.recovery()).toHaveCount(0)

  const files = station.mediaFiles()
  expect(files).toHaveLength(1)
  const wav = readWav(files[0] ?? '')
  const recordedBeforeKill = (killedAt - startedAt) / 1000
  expect(wav.durationS).toBeGreaterThanOrEqual(recordedBeforeKill - 1)
  expect(wav.declaredDataBytes).toBe(wav.samples.length * 2)
  expect(Math.abs(dominantFrequency(wav.samples, wav.sampleRate) - FAKE_MIC_HZ) / FAKE_MIC_HZ).toBeLessThan(0.02)

  await station.page.getByRole('menuitem', { name: vi('nav.library') }).click()
  await expect(new LibraryScreen(station.page, vi).row('Bị mất điện')).toBeVisible()
})
