import { ffprobe } from '../../unit/helpers/ffprobe'
import { expect, test } from '../fixtures'
import { AppShell } from '../pages/AppShell'
import { EditorScreen } from '../pages/EditorScreen'
import { LibraryScreen } from '../pages/LibraryScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { lufsOf } from '../support/loudness'
import { vi } from '../support/strings'

/** "00:03,1" → 3100 ms (the editor shows tenths with the Vietnamese decimal comma). */
const toMs = (text: string): number => {
  const [mm, ss] = text.trim().split(':')
  return Math.round((Number(mm) * 60 + Number((ss ?? '').replace(',', '.'))) * 1000)
}
/** The same display for a duration in ms. */
const shown = (ms: number): string => {
  const tenths = Math.round(ms / 100)
  const s = Math.floor(tenths / 10)
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')},${tenths % 10}`
}

async function recordTake(page: RecordScreen, title: string, seconds: string): Promise<void> {
  await page.start(title)
  await expect(page.elapsed()).toHaveText(seconds, { timeout: 10_000 })
  await page.stopButton().click()
  // Saving ends in the library; wait for it before going anywhere else.
  await expect(new LibraryScreen(page.page, vi).row(title)).toBeVisible()
}

test.describe('editor', () => {
  // Each test records real takes and reloads the app on a machine shared with other work.
  test.describe.configure({ timeout: 180_000 })

  test('cuts, undoes, redoes and fades a take; the duration follows the edit list and is kept', async ({ station }) => {
    const page = station.page
    await recordTake(new RecordScreen(page, vi), 'Thông báo tiêm chủng', '00:04')
    const library = new LibraryScreen(page, vi)
    await library.edit('Thông báo tiêm chủng')
    const editor = new EditorScreen(page, vi)
    await editor.waitOpen()

    const original = toMs((await editor.originalDuration().textContent()) ?? '')
    expect(original).toBeGreaterThan(3500)
    await expect(editor.editedDuration()).toHaveText(shown(original))
    await expect(editor.operations()).toHaveCount(0)

    await editor.select(1, 2)
    await editor.button('editor.delete').click()
    await expect(editor.editedDuration()).toHaveText(shown(original - 1000))
    await expect(editor.operations()).toHaveText(['1. Xóa 00:01,0 – 00:02,0'])

    await editor.button('editor.undo').click()
    await expect(editor.editedDuration()).toHaveText(shown(original))
    await expect(editor.operations()).toHaveCount(0)
    await page.keyboard.press('Control+Y')
    await expect(editor.editedDuration()).toHaveText(shown(original - 1000))
    await page.keyboard.press('Control+Z')
    await expect(editor.editedDuration()).toHaveText(shown(original))
    await page.keyboard.press('Control+Shift+Z')
    await expect(editor.editedDuration()).toHaveText(shown(original - 1000))

    // A start typed after the end is refused with a message; nothing is left selected to fade.
    await editor.select(0, 1)
    await page.getByRole('spinbutton', { name: vi('editor.selectionStart') }).fill('2')
    await expect(page.getByRole('alert').filter({ hasText: 'phải trước kết thúc' })).toBeVisible()
    await expect(editor.button('editor.fadeIn')).toBeDisabled()

    await editor.select(0, 0.5)
    await expect(page.getByRole('alert').filter({ hasText: 'phải trước kết thúc' })).toHaveCount(0)
    await editor.button('editor.fadeIn').click()
    await expect(editor.operations()).toHaveText(['1. Xóa 00:01,0 – 00:02,0', '2. Tăng dần 00:00,0 – 00:00,5'])
    await expect(editor.editedDuration()).toHaveText(shown(original - 1000))

    // The preview plays the edited timeline (Web Audio): the playhead moves.
    await editor.button('editor.play').click()
    await expect(editor.position()).not.toHaveText('00:00,0', { timeout: 5000 })
    await editor.button('editor.pause').click()
    await expect(editor.saved()).toBeVisible()

    // Kept with the announcement: back in the library and after a reload.
    await editor.back()
    await expect(library.row('Thông báo tiêm chủng')).toContainText(shown(original - 1000).slice(0, 5))
    await page.reload()
    await new AppShell(page, vi).open('library')
    await library.edit('Thông báo tiêm chủng')
    await editor.waitOpen()
    await expect(editor.operations()).toHaveCount(2)
    await expect(editor.editedDuration()).toHaveText(shown(original - 1000))
    await expect(editor.originalDuration()).toHaveText(shown(original))
  })

  test('sets details, approves with a name, and filters the library', async ({ station }) => {
    const page = station.page
    const record = new RecordScreen(page, vi)
    await recordTake(record, 'Lịch tiêm chủng', '00:02')
    await new AppShell(page, vi).open('record')
    await recordTake(record, 'Lịch cắt điện', '00:02')
    const library = new LibraryScreen(page, vi)
    await expect(library.dataRows()).toHaveCount(2)

    await library.details('Lịch tiêm chủng')
    const editor = new EditorScreen(page, vi)
    await editor.choose(editor.field('editor.metadata.kind'), vi('editor.kinds.news'))
    await editor.field('editor.metadata.category').fill('Y tế')
    await editor.choose(editor.field('editor.metadata.language'), vi('editor.languages.km'))
    await editor.choose(editor.field('editor.metadata.priority'), vi('editor.priorities.priority'))
    await editor.field('editor.metadata.author').fill('Trạm y tế xã')
    await editor
      .drawer()
      .getByRole('button', { name: vi('editor.metadata.save') })
      .click()
    await expect(page.getByText(vi('editor.metadata.saved'))).toBeVisible()

    await editor
      .drawer()
      .getByRole('button', { name: vi('editor.approval.submit') })
      .click()
    await expect(editor.drawer().getByText(vi('editor.approvalStates.awaiting-approval'))).toBeVisible()
    await editor.drawer().getByLabel(vi('editor.approval.approver')).fill('Chủ tịch UBND xã Nguyễn Văn An')
    await editor
      .drawer()
      .getByRole('button', { name: vi('editor.approval.approve'), exact: true })
      .click()
    await expect(editor.drawer().getByText(/Đã duyệt bởi Chủ tịch UBND xã Nguyễn Văn An lúc/)).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(library.row('Lịch tiêm chủng')).toContainText(vi('editor.approvalStates.approved'))
    await expect(library.row('Lịch tiêm chủng')).toContainText(vi('editor.kinds.news'))

    // Search ignores diacritics and looks at the author too.
    await library.search().fill('tram y te')
    await expect(library.dataRows()).toHaveCount(1)
    await expect(library.row('Lịch tiêm chủng')).toBeVisible()
    await library.search().fill('')
    await expect(library.dataRows()).toHaveCount(2)

    await library.setFilter('approval', vi('editor.approvalStates.draft'))
    await expect(library.dataRows()).toHaveCount(1)
    await expect(library.row('Lịch cắt điện')).toBeVisible()
    await page.getByRole('button', { name: vi('editor.filters.clear') }).click()
    await library.setFilter('language', vi('editor.languages.km'))
    await expect(library.dataRows()).toHaveCount(1)
    await expect(library.row('Lịch tiêm chủng')).toBeVisible()
    await library.setFilter('kind', vi('editor.kinds.article'))
    await expect(library.dataRows()).toHaveCount(0)
    await expect(page.getByText(vi('editor.filters.noMatch'))).toBeVisible()
  })

  test('measures, normalises to the station target and exports the edited take as MP3', async ({ station }) => {
    const page = station.page
    await recordTake(new RecordScreen(page, vi), 'Để xuất', '00:03')
    const library = new LibraryScreen(page, vi)
    await library.edit('Để xuất')
    const editor = new EditorScreen(page, vi)
    await editor.waitOpen()
    await editor.select(0, 1)
    await editor.button('editor.delete').click()
    const edited = toMs((await editor.editedDuration().textContent()) ?? '')

    await editor.button('editor.loudness.normalize').click()
    const lufs = page.getByLabel(vi('editor.loudness.integrated'), { exact: true })
    await expect(lufs).toBeVisible({ timeout: 60_000 })
    const measured = Number(((await lufs.textContent()) ?? '').replace(' LUFS', '').replace(',', '.'))
    expect(Math.abs(measured - -16)).toBeLessThanOrEqual(0.5)
    await expect(page.getByText(/Đã chuẩn hóa: /)).toBeVisible()

    const download = page.waitForEvent('download', { timeout: 60_000 })
    await editor.button('editor.export.mp3').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.mp3$/)
    const probe = await ffprobe(await file.path())
    expect(probe.codec).toBe('mp3')
    expect(probe.channels).toBe(1)
    // The display is in tenths: the MP3 is within 50 ms of the edit list's length, plus the display's rounding.
    expect(Math.abs(probe.durationSeconds * 1000 - edited)).toBeLessThanOrEqual(100)

    // Once the editor is closed, the edited take's rendition is what airs: attached to the
    // announcement, in the media store, at the station's loudness and the edited length.
    await editor.back()
    const rendition = await page.evaluate(async () => {
      for (let i = 0; i < 100; i += 1) {
        type Row = { title: string; rendition?: { hash: string; durationMs: number } | null }
        const row = await new Promise<Row | undefined>((resolve) => {
          const open = indexedDB.open('daixa')
          open.onsuccess = () => {
            const all = open.result.transaction('announcements').objectStore('announcements').getAll()
            all.onsuccess = () => resolve((all.result as Row[]).find((a) => a.title === 'Để xuất'))
          }
        })
        if (row?.rendition) return row.rendition
        await new Promise((r) => setTimeout(r, 300))
      }
      return null
    })
    expect(rendition).not.toBeNull()
    const renditionFile = station.mediaFiles().find((f) => f.endsWith(`${rendition?.hash ?? '-'}.wav`)) ?? ''
    expect(Math.abs(lufsOf(renditionFile) - -16)).toBeLessThanOrEqual(0.5)
    expect(Math.abs((rendition?.durationMs ?? 0) - edited)).toBeLessThanOrEqual(60)
  })
})
