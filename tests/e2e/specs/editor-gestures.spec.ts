/**
 * The editor by hand: dragging across the waveform selects that span, Ctrl+wheel zooms in and
 * out around the waveform (not the page), and the noise-reduction A/B renders both versions of the
 * selection to listen to.
 */
import { expect, test } from '../fixtures'
import { EditorScreen } from '../pages/EditorScreen'
import { LibraryScreen } from '../pages/LibraryScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { vi } from '../support/strings'

/** "1,2" (the Vietnamese decimal comma) → 1.2 */
const seconds = (text: string): number => Number(text.replace(',', '.'))

test.describe('editor gestures', () => {
  test.describe.configure({ timeout: 180_000 })

  test('drag selects, Ctrl+wheel zooms, and A/B renders both versions', async ({ station }) => {
    const page = station.page
    const recorder = new RecordScreen(page, vi)
    await recorder.start('Thông báo họp tổ')
    await recorder.waitElapsed(4)
    await recorder.stopButton().click()
    const library = new LibraryScreen(page, vi)
    await expect(library.row('Thông báo họp tổ')).toBeVisible()
    await library.edit('Thông báo họp tổ')
    const editor = new EditorScreen(page, vi)
    await editor.waitOpen()

    // Drag from a quarter to a half of the waveform (zoom 0: the whole take fits the width).
    const box = await editor.waveform().boundingBox()
    if (!box) throw new Error('the waveform has no box')
    const durationS = seconds((await editor.originalDuration().textContent())?.split(':')[1] ?? '')
    const y = box.y + box.height / 2
    await page.mouse.move(box.x + box.width * 0.25, y)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.4, y, { steps: 5 })
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 })
    await page.mouse.up()
    const start = page.getByRole('spinbutton', { name: vi('editor.selectionStart') })
    const end = page.getByRole('spinbutton', { name: vi('editor.selectionEnd') })
    await expect.poll(async () => seconds(await start.inputValue())).toBeCloseTo(durationS * 0.25, 0)
    await expect.poll(async () => seconds(await end.inputValue())).toBeCloseTo(durationS * 0.5, 0)
    const selected = seconds(await end.inputValue()) - seconds(await start.inputValue())
    expect(Math.abs(selected - durationS * 0.25)).toBeLessThan(0.25)

    // Ctrl+wheel over the waveform zooms in, then back out; the page itself does not zoom.
    const zoom = page.getByRole('slider', { name: vi('editor.zoom') })
    await expect(zoom).toHaveAttribute('aria-valuenow', '0')
    await page.mouse.move(box.x + box.width / 2, y)
    await page.keyboard.down('Control')
    await page.mouse.wheel(0, -100)
    await page.mouse.wheel(0, -100)
    await page.keyboard.up('Control')
    await expect.poll(async () => Number(await zoom.getAttribute('aria-valuenow'))).toBeGreaterThan(10)
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1)
    const zoomedIn = Number(await zoom.getAttribute('aria-valuenow'))
    await page.keyboard.down('Control')
    await page.mouse.wheel(0, 100)
    await page.keyboard.up('Control')
    await expect.poll(async () => Number(await zoom.getAttribute('aria-valuenow'))).toBeLessThan(zoomedIn)

    // A/B of the noise reduction over the selection: both versions are rendered and playable.
    await page.getByRole('button', { name: vi('editor.loudness.prepareAB') }).click()
    await expect(page.getByRole('button', { name: vi('editor.loudness.playA') })).toBeVisible({ timeout: 60_000 })
    await page.getByRole('button', { name: vi('editor.loudness.playB') }).click()
    // The list of edits is untouched by listening.
    await expect(editor.operations()).toHaveCount(0)
  })
})
