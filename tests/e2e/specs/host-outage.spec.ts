/**
 * The host away for 20 s mid-recording (browser host): the page warns within 2 s, keeps recording
 * in memory, continues the take when the host is back, and the saved take holds everything the
 * microphone gave before, during and after. The fake microphone here tells the time (a stepping
 * tone, see tone-pattern.ts), so a lost or doubled piece shows.
 */
import { expect, test } from '../fixtures'
import { LibraryScreen } from '../pages/LibraryScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { CHROMIUM_ARGS, fakeMicArgs } from '../support/chromium-args.mjs'
import { FAKE_MIC_PATTERN_WAV } from '../support/paths'
import { vi } from '../support/strings'
import { patternBreaks } from '../support/tone-pattern'
import { readWav } from '../support/wav'

test.use({
  launchOptions: {
    executablePath: process.env.DAIXA_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...fakeMicArgs(FAKE_MIC_PATTERN_WAV)],
  },
})

test('warns within 2 s and the take holds what was said before, during and after', async ({ station }) => {
  test.setTimeout(120_000)
  const record = new RecordScreen(station.page, vi)
  const startedAt = await record.start('Mất máy chủ')
  await record.waitElapsed(3)
  await station.crash()
  await expect(record.hostLost()).toBeVisible({ timeout: 2000 })
  // "…phần sau 3,1 giây chưa được lưu": what was saved when the host went away.
  await expect(record.hostLost()).toContainText(/phần sau [2-4](,\d)? giây chưa được lưu/)
  await station.page.waitForTimeout(20_000)
  await expect(record.hostLost()).toBeVisible()
  await expect(record.recordingState()).toBeVisible()

  await station.restartHost()
  await expect(record.hostLost()).toHaveCount(0, { timeout: 10_000 })
  await station.page.waitForTimeout(3000)
  const { pausedAt, acceptedSamples } = await record.pauseAndCount()
  await record.stop()
  await expect(new LibraryScreen(station.page, vi).row('Mất máy chủ')).toBeVisible({ timeout: 15_000 })

  const [file] = station.mediaFiles()
  const wav = readWav(file ?? '')
  const wallS = (pausedAt - startedAt) / 1000
  expect(wav.durationS).toBeGreaterThan(25)
  expect(Math.abs(wav.durationS - wallS)).toBeLessThanOrEqual(0.5)
  // Every sample the recorder took is in the file, once...
  expect(wav.samples.length).toBe(acceptedSamples)
  // ...and in the order the microphone gave it: the pattern runs on, no block missing or doubled.
  expect(patternBreaks(wav.samples, wav.sampleRate)).toEqual([])
})
