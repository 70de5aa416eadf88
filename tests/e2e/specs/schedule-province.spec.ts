/**
 * Lịch phát after signing in and syncing with the reference province server (demo commune: its
 * sessions `morning` 05:30–06:15 and `evening` 17:00–17:45, three schedules for today of programs
 * without audio yet): the province's items are in Buổi sáng and Buổi chiều with the "Của tỉnh"
 * badge, no warning says a session is gone, the officer can place a province session elsewhere in
 * Cài đặt, the item form targets every cluster of the station, and a date that is over is refused.
 */
import { DEMO_ACCOUNT, DEMO_COMMUNE } from '../../province-server/demo-seed'
import { expect, test } from '../fixtures'
import { AppShell } from '../pages/AppShell'
import { ScheduleScreen, stationDate } from '../pages/ScheduleScreen'
import { SyncScreen } from '../pages/SyncScreen'
import { useProvinceServer } from '../support/province'
import { vi } from '../support/strings'

const province = useProvinceServer()

const MORNING = [
  'Phòng cháy chữa cháy khu dân cư (6)',
  'Chính sách bảo hiểm y tế hộ gia đình (7)',
  'Khuyến nông: gieo sạ vụ hè thu (8)',
  'Bản tin thời sự tỉnh (9)',
  'Phòng chống dịch sốt xuất huyết (10)',
]
const EVENING = [
  'Lịch tiêm chủng mở rộng (11)',
  'Hướng dẫn chuyển đổi số cho hộ kinh doanh (12)',
  'An toàn giao thông dịp lễ (13)',
]

test('the province’s schedule lands in the station’s sessions with a badge and no false warning', async ({
  station,
}) => {
  const page = station.page
  const shell = new AppShell(page, vi)
  const sync = new SyncScreen(page, vi)
  await shell.open('settings')
  await sync.setServer(province.url())
  await sync.signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
  await expect(sync.signedInAs(DEMO_COMMUNE.name, DEMO_ACCOUNT.username)).toBeVisible()
  await sync.syncNowButton().click()
  await expect(sync.pending(0)).toBeVisible({ timeout: 30_000 })

  const schedule = new ScheduleScreen(page, vi)
  await schedule.open()
  await expect(schedule.items('Buổi sáng')).toHaveCount(MORNING.length, { timeout: 15_000 })
  for (const title of MORNING) await expect(schedule.provinceBadge('Buổi sáng', title)).toBeVisible()
  await expect(schedule.items('Buổi chiều')).toHaveCount(EVENING.length)
  for (const title of EVENING) await expect(schedule.provinceBadge('Buổi chiều', title)).toBeVisible()
  await expect(schedule.items('Buổi trưa')).toHaveCount(0)
  // no "session switched off or gone" (the old eight identical lines), no policy warning at all
  await expect(page.getByText(vi('schedule.dayWarnings'))).toHaveCount(0)
  await expect(page.getByText('“morning”')).toHaveCount(0)
  // one note per session for the programs this computer has no audio for, not one per row
  await expect(page.getByText(vi('schedule.province.noAudio').replace('{{count}}', '5'))).toHaveCount(1)
  await expect(page.getByText(vi('schedule.province.noAudio').replace('{{count}}', '3'))).toHaveCount(1)

  // the officer places the province's morning in Buổi trưa instead
  await shell.open('settings')
  await schedule.mapProvinceSession('Buổi sáng', 'Buổi trưa')
  await schedule.open()
  await expect(schedule.items('Buổi trưa')).toHaveCount(MORNING.length)
  await expect(schedule.items('Buổi sáng')).toHaveCount(0)

  // the item form: every cluster of the station by default (40 listed, one removed)
  await schedule.setDate(stationDate(1))
  await schedule.openAdd('Buổi sáng')
  await expect(schedule.allClusters(39)).toBeVisible()
  // a date that is over is refused, before anything is saved
  await schedule.dialog().getByText(vi('schedule.form.silence')).click()
  await schedule.setItemDate(stationDate(-1))
  await expect(schedule.pastDateError()).toBeVisible()
  await expect(schedule.saveButton()).toBeDisabled()
})
