import { DEMO_ACCOUNT, DEMO_COMMUNE } from '../../province-server/demo-seed'
import { expect, test } from '../fixtures'
import { AppShell } from '../pages/AppShell'
import { LibraryScreen } from '../pages/LibraryScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { SyncScreen } from '../pages/SyncScreen'
import { useProvinceServer } from '../support/province'
import { vi } from '../support/strings'

const province = useProvinceServer()

test.describe('sync with the province', () => {
  test('a recorded announcement reaches the province after sign-in and "Đồng bộ ngay"', async ({ station }) => {
    const page = station.page
    const sync = new SyncScreen(page, vi)
    const shell = new AppShell(page, vi)
    await expect(sync.notConfigured()).toBeVisible()

    const record = new RecordScreen(page, vi)
    await record.start('Thông báo họp dân')
    await record.waitElapsed(2)
    await record.stop()
    const library = new LibraryScreen(page, vi)
    await expect(library.row('Thông báo họp dân')).toBeVisible()
    await expect(sync.badge('Thông báo họp dân', 'only-local')).toBeVisible()

    await shell.open('settings')
    await sync.setServer('http://dai.tinh.example.vn')
    await expect(sync.urlError()).toBeVisible()
    await sync.setServer(province.url())
    await expect(sync.pending(1)).toBeVisible()
    await sync.signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
    await expect(sync.signedInAs(DEMO_COMMUNE.name, DEMO_ACCOUNT.username)).toBeVisible()
    await expect(sync.password()).toHaveCount(0)

    await shell.open('library')
    await sync.syncNowButton().click()
    await expect(sync.badge('Thông báo họp dân', 'on-province')).toBeVisible({ timeout: 30_000 })
    await expect(sync.pending(0)).toBeVisible()
    await expect(sync.online()).toBeVisible()

    // No warning while the clocks agree; a province 7 minutes ahead makes the side bar say so.
    const clockWarning = page.getByText(vi('sync.status.clockBehind').replace('{{minutes}}', '7'))
    await expect(clockWarning).toHaveCount(0)
    await province.faults({ clockOffsetMs: 7 * 60_000 })
    await sync.syncNowButton().click()
    await expect(clockWarning).toBeVisible({ timeout: 30_000 })

    const state = await province.stateText()
    expect(state).toContain('Thông báo họp dân')
    const wav = station.mediaFiles()[0] ?? ''
    expect(state).toContain(
      wav
        .split('/')
        .pop()
        ?.replace(/\.wav$/, '') ?? 'no media file',
    )
  })
})
