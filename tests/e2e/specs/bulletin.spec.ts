import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import { BulletinScreen } from '../pages/BulletinScreen'
import { ImportScreen } from '../pages/ImportScreen'
import { LibraryScreen } from '../pages/LibraryScreen'
import { TtsScreen } from '../pages/TtsScreen'
import { loudnessOf } from '../support/loudness'
import { vi } from '../support/strings'

const probeSeconds = (path: string): number =>
  Number(
    execFileSync('/usr/bin/ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], {
      encoding: 'utf8',
    }),
  )

/** ffprobe's duration less the encoder delay at the start. */
function mp3AudioSeconds(path: string): number {
  const out = execFileSync(
    '/usr/bin/ffprobe',
    ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=start_time,duration', '-of', 'json', path],
    { encoding: 'utf8' },
  )
  const [stream] = (JSON.parse(out) as { streams: Array<{ start_time: string; duration: string }> }).streams
  return Number(stream?.duration) - Number(stream?.start_time)
}

/** Length of the decoded audio (ffmpeg honours the LAME tag's delay and padding): mono 44.1 kHz s16. */
const decodedSeconds = (path: string): number =>
  execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-i', path, '-ac', '1', '-ar', '44100', '-f', 's16le', '-'], {
    maxBuffer: 64 * 1024 * 1024,
  }).byteLength /
  2 /
  44_100

let work = ''
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'daixa-bulletin-e2e-'))
})
test.afterEach(() => rmSync(work, { recursive: true, force: true }))

test.describe('bulletins', () => {
  test('composes jingle + two announcements + outro and exports an MP3 of the summed length', async ({ station }) => {
    test.setTimeout(180_000)
    const page = station.page
    const tts = new TtsScreen(page, vi)
    const library = new LibraryScreen(page, vi)
    await tts.open()
    await tts.create('Thông báo lịch tiêm phòng cho trẻ em vào sáng thứ Bảy.', 'Tiêm phòng')
    await expect(library.row('Tiêm phòng')).toBeVisible({ timeout: 60_000 })
    await tts.open()
    await tts.create('Thông báo lịch họp tổ dân phố lúc 19h ngày 20/11.', 'Họp tổ dân phố')
    await expect(library.row('Họp tổ dân phố')).toBeVisible({ timeout: 60_000 })

    const bulletins = new BulletinScreen(page, vi)
    await bulletins.open()
    await bulletins.newBulletin()
    await bulletins.rename('Bản tin sáng')
    await bulletins.addAnnouncement('Họp tổ dân phố')
    await bulletins.addAnnouncement('Tiêm phòng')
    await bulletins.addJingle('intro')
    await bulletins.partRow(vi('bulletins.jingles.default-intro')).waitFor()
    await bulletins.addJingle('outro')
    await bulletins.partRow(vi('bulletins.jingles.default-outro')).waitFor()
    // Reorder: "Tiêm phòng" goes before "Họp tổ dân phố".
    await bulletins.moveUp('Tiêm phòng')
    await expect(bulletins.partAt(2, 'Tiêm phòng')).toBeVisible()
    await expect(bulletins.partAt(3, 'Họp tổ dân phố')).toBeVisible()
    await bulletins.setJoint('Họp tổ dân phố', 'gap', 700)
    await bulletins.setJoint(vi('bulletins.jingles.default-outro'), 'crossfade', 500)

    // Six stored files: two jingles, and each notice's synthesis with its rendition (normalised
    // to the station's loudness; the same length to the ms), measured independently of the app.
    expect(station.mediaFiles()).toHaveLength(6)
    const lengths = new Set(station.mediaFiles().map((f) => probeSeconds(f).toFixed(2)))
    expect(lengths.size).toBe(4)
    const partsSeconds = [...lengths].reduce((sum, seconds) => sum + Number(seconds), 0)
    // Joints: 500 ms default gap before "Tiêm phòng", 700 ms gap, 500 ms crossfade into the outro.
    const expectedSeconds = partsSeconds + 0.5 + 0.7 - 0.5
    await expect.poll(() => bulletins.totalMs()).toBeCloseTo(expectedSeconds * 1000, -2)

    const download = page.waitForEvent('download')
    await bulletins.exportButton().click()
    const file = await download
    expect(file.suggestedFilename()).toBe('Bản tin sáng.mp3')
    const saved = join(work, 'bulletin.mp3')
    await file.saveAs(saved)
    // An MP3's container length includes the encoder delay (start_time, 1105 samples) and the
    // padding of its last frame; players skip both (LAME tag). The audio itself is what counts.
    const seconds = mp3AudioSeconds(saved)
    expect(Math.abs(seconds - expectedSeconds)).toBeLessThan(0.05)
    expect(Math.abs(seconds - (await bulletins.totalMs()) / 1000)).toBeLessThan(0.05)
    // Decoded gaplessly, it is the sum to the sample.
    expect(Math.abs(decodedSeconds(saved) - expectedSeconds)).toBeLessThan(0.005)
    // The bulletin as a whole is at the station's loudness (chimes and two notices joined), measured on the MP3.
    const { lufs, truePeak } = loudnessOf(saved)
    expect(Math.abs(lufs - -16)).toBeLessThanOrEqual(0.5)
    expect(truePeak).toBeLessThanOrEqual(-0.5)
  })

  test('shows the jingle length as the total, with no warning under the session limit', async ({ station }) => {
    const bulletins = new BulletinScreen(station.page, vi)
    await bulletins.open()
    await bulletins.newBulletin()
    await bulletins.addJingle('intro')
    await bulletins.partRow(vi('bulletins.jingles.default-intro')).waitFor()
    await expect(bulletins.total()).toHaveText('00:03,0')
    await expect(station.page.getByRole('alert')).toHaveCount(0)
  })

  test('adds province programs, checks the chosen session limit and tags the export with the station', async ({
    station,
  }) => {
    test.setTimeout(180_000)
    const page = station.page
    const source = join(work, 'Nông nghiệp.wav')
    execFileSync('/usr/bin/ffmpeg', [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=f=330:d=4', '-ac', '1', '-ar', '44100', source],
    ])
    const importer = new ImportScreen(page, vi)
    await importer.openWithAutomation(page.url())
    await importer.setStationName('Đài truyền thanh xã Tân Hòa')
    await page.getByRole('menuitem', { name: vi('nav.library') }).click()
    await importer.importFile(source)
    await expect(new LibraryScreen(page, vi).row('Nông nghiệp')).toBeVisible({ timeout: 60_000 })
    const hash = /([0-9a-f]{64})\.wav$/.exec(station.mediaFiles()[0] ?? '')?.[1] ?? ''
    const bulletins = new BulletinScreen(page, vi)
    await bulletins.seedProgram({
      id: 'tinh-nn-01',
      title: 'Chương trình Nông nghiệp tỉnh',
      mediaHash: hash,
      durationMs: 4000,
    })
    // Its row says 31 minutes: longer than any default session allows.
    await bulletins.seedProgram({ id: 'tinh-dai', title: 'Tọa đàm dài', mediaHash: hash, durationMs: 31 * 60_000 })
    await bulletins.open()
    await bulletins.newBulletin()
    await bulletins.rename('Bản tin trưa')
    await bulletins.addAnnouncement('Chương trình Nông nghiệp tỉnh')
    await expect(bulletins.partRow('Chương trình Nông nghiệp tỉnh')).toContainText(vi('bulletins.kinds.program'))
    await bulletins.chooseSession({ label: 'Buổi trưa', start: '11:00', minutes: 30 })
    await expect.poll(() => bulletins.limitMin()).toBe(30)
    await expect(page.getByRole('alert')).toHaveCount(0) // under the limit: no warning

    const download = page.waitForEvent('download')
    await bulletins.exportButton().click()
    const saved = join(work, 'trua.mp3')
    await (await download).saveAs(saved)
    expect(Math.abs(decodedSeconds(saved) - 4)).toBeLessThan(0.005)
    const tags = (
      JSON.parse(
        execFileSync('/usr/bin/ffprobe', ['-v', 'error', '-show_entries', 'format_tags', '-of', 'json', saved], {
          encoding: 'utf8',
        }),
      ) as { format: { tags: Record<string, string> } }
    ).format.tags
    expect(tags).toMatchObject({
      title: 'Bản tin trưa',
      artist: 'Đài truyền thanh xã Tân Hòa',
      publisher: 'Đài truyền thanh xã Tân Hòa',
    })

    await bulletins.addAnnouncement('Tọa đàm dài')
    // The warning names the session's limit (the export's own toast is an alert too).
    const overLimit = vi('bulletins.overLimit').split('{{over}}')[0]?.replace('{{minutes}}', '30') ?? ''
    await expect(page.getByRole('alert').filter({ hasText: overLimit })).toBeVisible()
  })
})
