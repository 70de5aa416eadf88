/**
 * Bản tin → Thư viện → tỉnh: a rendered bulletin is saved to the library as an announcement (once
 * per rendering), shows there as "only on this computer" with its length, and reaches the
 * reference province server with its audio after sign-in and "Đồng bộ ngay".
 */
import { DEMO_ACCOUNT, DEMO_COMMUNE } from '../../province-server/demo-seed'
import { expect, test } from '../fixtures'
import { AppShell } from '../pages/AppShell'
import { BulletinScreen } from '../pages/BulletinScreen'
import { LibraryScreen } from '../pages/LibraryScreen'
import { SyncScreen } from '../pages/SyncScreen'
import { useProvinceServer } from '../support/province'
import { vi } from '../support/strings'

const province = useProvinceServer()

interface ProvinceState {
  state: {
    records: Record<string, { entity: string; data: { title?: string; mediaHash?: string; kind?: string } | null }>
    media: Record<string, { status: string; size: number | null }>
  }
}

async function provinceAnnouncement(title: string) {
  const { state } = JSON.parse(await province.stateText()) as ProvinceState
  const record = Object.values(state.records).find((r) => r.entity === 'announcement' && r.data?.title === title)
  const hash = record?.data?.mediaHash ?? ''
  return { record: record?.data ?? null, hash, media: state.media[hash] ?? null }
}

/** mm:ss as the library shows a length (whole seconds). */
const mmss = (ms: number): string => {
  const s = Math.floor(ms / 1000)
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

test('a rendered bulletin is saved to the library once and reaches the province with its audio', async ({
  station,
}) => {
  test.setTimeout(180_000)
  const page = station.page
  const bulletins = new BulletinScreen(page, vi)
  await bulletins.open()
  await bulletins.newBulletin()
  await bulletins.rename('Bản tin tối')
  await bulletins.addJingle('intro')
  await bulletins.partRow(vi('bulletins.jingles.default-intro')).waitFor()
  await bulletins.addJingle('outro')
  await bulletins.partRow(vi('bulletins.jingles.default-outro')).waitFor()
  // Not rendered yet: nothing to keep.
  await expect(bulletins.saveToLibraryButton()).toBeDisabled()
  const totalMs = await bulletins.totalMs()
  expect(totalMs).toBeGreaterThan(5000)

  // The default export is the MP3 for download; the library takes a WAV rendering of the same bulletin.
  const download = page.waitForEvent('download')
  await bulletins.exportButton().click()
  expect((await download).suggestedFilename()).toBe('Bản tin tối.mp3')
  await expect(bulletins.saveToLibraryButton()).toBeEnabled()
  await bulletins.chooseLibraryKind(vi('editor.kinds.feature'))
  await bulletins.saveToLibraryButton().click()
  await expect(bulletins.libraryNote('saved', 'Bản tin tối')).toBeVisible({ timeout: 60_000 })

  // The same rendering again: no second announcement; it opens the one in the library.
  await bulletins.saveToLibraryButton().click()
  await expect(bulletins.libraryNote('already', 'Bản tin tối')).toBeVisible()
  await bulletins.openSavedButton().click()
  const drawer = page.getByRole('dialog')
  await expect(drawer.getByRole('textbox', { name: vi('editor.metadata.title') })).toHaveValue('Bản tin tối')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  const shell = new AppShell(page, vi)
  const library = new LibraryScreen(page, vi)
  const sync = new SyncScreen(page, vi)
  await shell.open('library')
  await expect(library.row('Bản tin tối')).toHaveCount(1)
  await expect(library.row('Bản tin tối')).toContainText(vi('editor.kinds.feature'))
  await expect(library.row('Bản tin tối')).toContainText(mmss(totalMs))
  await expect(sync.badge('Bản tin tối', 'only-local')).toBeVisible()
  await library.listen('Bản tin tối') // the WAV has its waveform, like every take in the library

  await shell.open('settings')
  await sync.setServer(province.url())
  await sync.signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
  await expect(sync.signedInAs(DEMO_COMMUNE.name, DEMO_ACCOUNT.username)).toBeVisible()
  await shell.open('library')
  await sync.syncNowButton().click()
  await expect(sync.badge('Bản tin tối', 'on-province')).toBeVisible({ timeout: 60_000 })

  const held = await provinceAnnouncement('Bản tin tối')
  expect(held.record).toMatchObject({ title: 'Bản tin tối', kind: 'feature' })
  expect(held.media).toMatchObject({ status: 'verified' })
  // The audio the province verified is the rendering in the commune's media store.
  expect(station.mediaFiles().map((f) => f.split('/').pop())).toContain(`${held.hash}.wav`)
})
