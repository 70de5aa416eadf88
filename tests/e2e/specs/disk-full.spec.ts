/**
 * A recording that fills a really small disk (the data folder on a 2 MB tmpfs) says what happened
 * and what to do, is offered back, fails to recover while the disk is still full (leaving no
 * temporary file) and recovers as soon as space is freed, with no restart.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import { LibraryScreen } from '../pages/LibraryScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { vi } from '../support/strings'
import { mountTinyFs, type TinyFs } from '../../support/tiny-fs'

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
