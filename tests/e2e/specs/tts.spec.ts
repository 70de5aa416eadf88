import { execFileSync } from 'node:child_process'
import { expect, test } from '../fixtures'
import { LibraryScreen } from '../pages/LibraryScreen'
import { TtsScreen } from '../pages/TtsScreen'
import { lufsOf } from '../support/loudness'
import { vi } from '../support/strings'

const probeSeconds = (path: string): number =>
  Number(
    execFileSync('/usr/bin/ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], {
      encoding: 'utf8',
    }),
  )

const NOTICE =
  'Thông báo: UBND xã tổ chức tiêm phòng cho trẻ em lúc 7h30 ngày 12/5/2025 tại trạm y tế xã. Đề nghị các gia đình đưa con em đến đúng giờ.'

test.describe('text to speech', () => {
  test('speaks a Vietnamese notice with a date and a time and stores it as an announcement', async ({ station }) => {
    test.setTimeout(120_000)
    const tts = new TtsScreen(station.page, vi)
    await tts.open()
    await tts.text().fill(NOTICE)
    await station.page.getByRole('button', { name: vi('tts.spokenText') }).click()
    const spoken = station.page.getByLabel(vi('tts.spokenText'), { exact: true }).last()
    await expect(spoken).toContainText(
      'bảy giờ ba mươi phút ngày mười hai tháng năm năm hai nghìn không trăm hai mươi lăm',
    )
    await expect(spoken).toContainText('Ủy ban nhân dân xã')

    await tts.previewButton().click()
    await expect(tts.previewPlayer()).toBeVisible({ timeout: 60_000 })
    const previewSeconds = await tts.previewPlayer().evaluate(
      (el) =>
        new Promise<number>((resolve) => {
          const audio = el as HTMLAudioElement
          if (Number.isFinite(audio.duration) && audio.duration > 0) resolve(audio.duration)
          else audio.addEventListener('loadedmetadata', () => resolve(audio.duration), { once: true })
        }),
    )
    expect(previewSeconds).toBeGreaterThan(5)

    await tts.create(NOTICE, 'Tiêm phòng tháng Năm')
    const library = new LibraryScreen(station.page, vi)
    await expect(library.row('Tiêm phòng tháng Năm')).toBeVisible({ timeout: 60_000 })
    // The synthesis (the source) and its rendition, normalised to the station's −16 LUFS like any take.
    const files = station.mediaFiles()
    expect(files).toHaveLength(2)
    const loudness = files.map(lufsOf)
    expect(loudness.some((l) => Math.abs(l - -16) <= 0.5)).toBe(true)
    // About 45 words once normalised, read at 150 words a minute: well between 10 s and 40 s.
    for (const file of files) {
      const seconds = probeSeconds(file)
      expect(seconds).toBeGreaterThan(10)
      expect(seconds).toBeLessThan(40)
    }
    await library.listen('Tiêm phòng tháng Năm')
    await library.playButton().click()
    await expect(library.position()).not.toContainText('00:00 /', { timeout: 10_000 })
  })

  test('refuses an over-limit paste at once, stays responsive, and shows a preview in percent that can be stopped', async ({
    station,
  }, testInfo) => {
    test.setTimeout(120_000)
    const tts = new TtsScreen(station.page, vi)
    await tts.open()
    // 25,000 characters: over the 20,000 limit. Refused whole, with both lengths; nothing pasted.
    await tts.paste('Thông báo của Ủy ban nhân dân xã. '.repeat(800).slice(0, 25_000))
    await expect(station.page.getByText('25.000 ký tự, quá giới hạn 20.000 ký tự')).toBeVisible()
    await expect(tts.text()).toHaveValue('')

    // A text near the limit pastes; typing after it is not held up by the checks (figures, not a limit).
    const sentence = 'UBND xã thông báo lịch tiêm phòng lúc 7h30 ngày 12/5/2025 tại trạm y tế. '
    await tts.paste(sentence.repeat(Math.floor(19_000 / sentence.length)))
    await expect(tts.text()).toHaveValue(/^UBND xã/)
    const keystrokes: number[] = []
    for (const key of ['A', 'B', 'C', 'D', 'E']) {
      const started = Date.now()
      await tts.text().press(key)
      keystrokes.push(Date.now() - started)
    }
    testInfo.annotations.push({ type: 'keystroke ms at 19,000 characters', description: keystrokes.join(', ') })
    await expect(tts.previewButton()).toBeEnabled()

    // The preview of the long text: progress in percent, then stopped.
    await tts.previewButton().click()
    await expect(tts.previewProgress()).toBeVisible()
    await expect(tts.previewProgress()).not.toHaveAttribute('aria-valuenow', '0', { timeout: 60_000 })
    await tts.cancelButton().click()
    await expect(tts.previewProgress()).toHaveCount(0)
    await expect(tts.previewButton()).toBeEnabled()
    await expect(tts.previewPlayer()).toHaveCount(0)
  })

  test('refuses Khmer text with a message and creates nothing', async ({ station }) => {
    const tts = new TtsScreen(station.page, vi)
    await tts.open()
    await tts.text().fill('សេចក្តីជូនដំណឹង អំពីការចាក់វ៉ាក់សាំង')
    await expect(tts.alert()).toContainText('Không có giọng đọc tiếng Khmer')
    await expect(tts.createButton()).toBeDisabled()
    await expect(tts.previewButton()).toBeDisabled()
    expect(station.mediaFiles()).toEqual([])
  })

  test('warns when the text has no diacritics', async ({ station }) => {
    const tts = new TtsScreen(station.page, vi)
    await tts.open()
    await tts.text().fill('Thong bao: Uy ban nhan dan xa to chuc tiem phong cho tre em')
    await expect(tts.warning()).toBeVisible()
    await expect(tts.createButton()).toBeEnabled()
  })
})
