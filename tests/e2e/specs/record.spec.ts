import { readFileSync } from 'node:fs'
import { expect, test } from '../fixtures'
import { AppShell } from '../pages/AppShell'
import { LibraryScreen } from '../pages/LibraryScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { SettingsScreen } from '../pages/SettingsScreen'
import { FAKE_MIC_HZ } from '../support/paths'
import { vi } from '../support/strings'
import { dominantFrequency, readWav } from '../support/wav'

test.describe('recording', () => {
  test('records about 5 s of the microphone into the library with the right length and pitch', async ({ station }) => {
    const record = new RecordScreen(station.page, vi)
    const startedAt = await record.start('Thông báo tiêm chủng')
    await record.waitElapsed(5)
    const stoppedAt = await record.stop()

    const library = new LibraryScreen(station.page, vi)
    await expect(library.row('Thông báo tiêm chủng')).toBeVisible()
    await expect(library.row('Thông báo tiêm chủng')).toContainText('00:05')

    const files = station.mediaFiles()
    expect(files).toHaveLength(1)
    const wav = readWav(files[0] ?? '')
    expect(wav.channels).toBe(1)
    expect(wav.declaredDataBytes).toBe(wav.samples.length * 2)
    expect(Math.abs(wav.durationS - (stoppedAt - startedAt) / 1000)).toBeLessThanOrEqual(0.3)
    const hz = dominantFrequency(wav.samples, wav.sampleRate)
    expect(Math.abs(hz - FAKE_MIC_HZ) / FAKE_MIC_HZ).toBeLessThanOrEqual(0.02)
    expect(readFileSync(`${files[0]?.replace(/\.wav$/, '')}.peaks.json`, 'utf8')).toContain('"peaks"')

    // The title can be corrected in the library, and the correction is kept.
    await library.rename('Thông báo tiêm chủng', 'Thông báo tiêm chủng đợt 2')
    await station.page.reload()
    await new AppShell(station.page, vi).open('library')
    await expect(library.row('Thông báo tiêm chủng đợt 2')).toBeVisible()
  })

  test('pauses and resumes, leaving the paused time out of the recording', async ({ station }) => {
    const record = new RecordScreen(station.page, vi)
    await record.start('Có tạm dừng')
    await record.waitElapsed(2)
    await record.pauseButton().click()
    await station.page.waitForTimeout(2500)
    await expect(record.elapsed()).toHaveText('00:02')
    await record.resumeButton().click()
    await record.waitElapsed(4)
    await record.stopButton().click()
    await expect(new LibraryScreen(station.page, vi).row('Có tạm dừng')).toBeVisible()
    const wav = readWav(station.mediaFiles()[0] ?? '')
    expect(wav.durationS).toBeGreaterThan(3.7)
    expect(wav.durationS).toBeLessThan(5.2)
  })

  test('refuses a take under the minimum length with a clear message and keeps nothing', async ({ station }) => {
    const shell = new AppShell(station.page, vi)
    await shell.open('settings')
    await new SettingsScreen(station.page, vi).setMinRecordingSeconds('4')
    await shell.open('record')
    const record = new RecordScreen(station.page, vi)
    await record.start('Bấm nhầm')
    await record.waitElapsed(2)
    await record.stop()
    await expect(record.alertSaying('record.tooShort')).toContainText(/ngắn hơn mức tối thiểu 4 giây/)
    await expect(record.startButton()).toBeVisible()
    expect(station.mediaFiles()).toHaveLength(0)
    await shell.open('library')
    await expect(station.page.getByText(vi('library.empty'))).toBeVisible()
  })

  test('plays a recording on its waveform and deletes it with its file after confirmation', async ({ station }) => {
    const record = new RecordScreen(station.page, vi)
    await record.start('Để xóa')
    await record.waitElapsed(3)
    await record.stopButton().click()
    const library = new LibraryScreen(station.page, vi)
    await library.listen('Để xóa')
    await expect(library.position()).toContainText('00:00 / 00:03')
    await library.playButton().click()
    await expect(library.position()).not.toContainText('00:00 /', { timeout: 5000 })
    expect(station.mediaFiles()).toHaveLength(1)

    await library.delete('Để xóa')
    await expect(library.row('Để xóa')).toHaveCount(0)
    await expect.poll(() => station.mediaFiles()).toHaveLength(0)
    await new AppShell(station.page, vi).open('library')
    await expect(station.page.getByText(vi('library.empty'))).toBeVisible()
  })
})
