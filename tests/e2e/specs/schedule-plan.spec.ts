/**
 * A week's schedule in minutes (issue 19). A station with two jingles and a bulletin made today:
 * - the officer fills a whole week of the three sessions with "nhạc hiệu, bản tin mới nhất, nhạc
 *   kết" — every click and typed field counted here — in fewer than 15 actions, and a bulletin made
 *   later replaces the old one in every session without touching the schedule;
 * - then adds a 19:00 session with its zone codes, builds it from the template, copies the day to
 *   the rest of the week (the conflicts are listed first), sees the policy warning count what the
 *   policy says, and finds Sunday's 19:00 session in the rundown of Phát sóng.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { OnAirScreen } from '../pages/OnAirScreen'
import { ScheduleScreen, stationDate } from '../pages/ScheduleScreen'
import { vi } from '../support/strings'

const TEMPLATE = 'Buổi thường ngày'
const SESSIONS = ['Buổi sáng', 'Buổi trưa', 'Buổi chiều'] as const

/** The next Monday of the station's calendar (never today: a week with every day still ahead). */
function nextMonday(): { date: (i: number) => string; ddmmyyyy: string } {
  const first = Array.from({ length: 7 }, (_, i) => i + 1).find(
    (i) => new Date(`${stationDate(i)}T00:00:00Z`).getUTCDay() === 1,
  )
  const date = (i: number) => stationDate((first ?? 7) + i)
  const [y, m, d] = date(0).split('-')
  return { date, ddmmyyyy: `${d}/${m}/${y}` }
}

/** Every action of the officer goes through here and is counted: a click, a typed field, a key. */
function counter() {
  let actions = 0
  return {
    get count() {
      return actions
    },
    async click(target: Locator) {
      actions += 1
      await target.click()
    },
    /** one typed field (focusing it is part of typing in it); Enter commits a date */
    async type(target: Locator, text: string, commit = false) {
      actions += 1
      await target.fill(text)
      if (commit) await target.press('Enter')
    },
  }
}

/** Library content as the Bản tin screen leaves it: stored jingles and a rendered bulletin. */
async function seed(page: Page, bulletin: { n: number; title: string; madeAt: string }, withJingles: boolean) {
  await page.evaluate(
    ({ bulletin, withJingles }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('daixa')
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'))
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction(['settings', 'bulletins'], 'readwrite')
          const hash = (n: number) => n.toString(16).padStart(64, 'a')
          if (withJingles) {
            tx.objectStore('settings').put({
              key: 'bulletins.jingle.Nhạc hiệu',
              value: { hash: hash(1), durationMs: 15_000 },
            })
            tx.objectStore('settings').put({
              key: 'bulletins.jingle.Nhạc kết',
              value: { hash: hash(2), durationMs: 10_000 },
            })
          }
          tx.objectStore('bulletins').put({
            id: `bt-${bulletin.n}`,
            title: bulletin.title,
            approval: 'approved',
            createdAt: bulletin.madeAt,
            updatedAt: bulletin.madeAt,
            renderedHash: hash(bulletin.n),
            rendered: { format: 'wav', sizeBytes: 1000, durationMs: 240_000, sampleRate: 44100, channels: 1 },
          })
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error ?? new Error('seed: write failed'))
        }
      }),
    { bulletin, withJingles },
  )
  await page.reload()
}

const titles = (schedule: ScheduleScreen, label: string) =>
  schedule.items(label).locator('td:nth-child(2)').allInnerTexts()

test('a week of three sessions with a daily bulletin in under 15 actions, then a 19:00 session copied to the week', async ({
  station,
}) => {
  test.setTimeout(240_000)
  const page = station.page
  const schedule = new ScheduleScreen(page, vi)
  const week = nextMonday()
  await schedule.open()
  await seed(page, { n: 100, title: 'Bản tin hôm nay', madeAt: new Date().toISOString() }, true)
  await schedule.open()

  // ---- the officer's actions, counted ----
  const act = counter()
  await act.type(page.getByRole('textbox', { name: vi('schedule.date'), exact: true }), week.ddmmyyyy, true)
  await act.click(schedule.weekTool('templates'))
  await act.click(schedule.templateSlots())
  await act.click(schedule.slotOption('Nhạc hiệu'))
  await act.click(schedule.slotOption(vi('plan.slot.newest.bulletin')))
  await act.click(schedule.slotOption('Nhạc kết'))
  await act.type(schedule.templateName(), TEMPLATE)
  await act.click(schedule.dialogButton(vi('plan.templates.save')))
  await expect(schedule.dialog()).toHaveCount(0)
  await act.click(schedule.applyTemplateButton('Buổi sáng'))
  await act.click(schedule.dialogChoice('Buổi trưa (11:00)'))
  await act.click(schedule.dialogChoice('Buổi chiều (17:00)'))
  await act.click(schedule.dialogChoice(vi('plan.apply.toEndOfWeek')))
  await expect(schedule.dialog().getByText(vi('plan.preview.writes').replace('{{count}}', '21'))).toBeVisible()
  await act.click(schedule.dialogButton(vi('plan.apply.ok')))
  await expect(schedule.dialog()).toHaveCount(0)
  console.log(`officer's actions for a week of three sessions: ${act.count}`)
  expect(act.count).toBeLessThan(15)
  // ---- end of the counted part ----

  const filled = ['Nhạc hiệu', 'Bản tin hôm nay', 'Nhạc kết']
  for (const day of [0, 6]) {
    await schedule.setDate(week.date(day))
    for (const label of SESSIONS) {
      await expect(schedule.items(label)).toHaveCount(3)
      const shown = await titles(schedule, label)
      filled.forEach((title, i) => expect(shown[i]).toContain(title))
    }
  }
  // a new bulletin is made: every session of the week plays it, with no change to the schedule
  await seed(page, { n: 101, title: 'Bản tin mới làm', madeAt: new Date(Date.now() + 1000).toISOString() }, false)
  await schedule.open()
  await schedule.setDate(week.date(6))
  await expect(schedule.item('Buổi chiều', 'Bản tin mới làm')).toBeVisible()
  await expect(schedule.item('Buổi chiều', 'Bản tin hôm nay')).toHaveCount(0)

  // ---- a 19:00 session with its zone codes, built from the template, its day copied to the week ----
  await schedule.setDate(week.date(0))
  await schedule.weekTool('addSession').click()
  await expect(schedule.dialog().getByText(/đây sẽ là buổi thứ 4/)).toBeVisible()
  await schedule
    .dialog()
    .getByRole('button', { name: vi('schedule.settings.addZone') })
    .click()
  await schedule
    .dialog()
    .getByRole('textbox', { name: vi('schedule.settings.onCode') })
    .fill('*007#1')
  await schedule
    .dialog()
    .getByRole('textbox', { name: vi('schedule.settings.offCode') })
    .fill('*007#0')
  await schedule.dialogButton(vi('schedule.save')).click()
  await expect(schedule.dialog()).toHaveCount(0)
  const evening = vi('plan.session.newLabel')
  await expect(schedule.session(evening)).toContainText('19:00')
  await schedule.applyTemplateButton(evening).click()
  await schedule.dialogButton(vi('plan.apply.ok')).click()
  await expect(schedule.dialog()).toHaveCount(0)
  await expect(schedule.items(evening)).toHaveCount(3)
  // four sessions with content, three allowed: the warning says so
  const tooMany = `${week.ddmmyyyy}: 4 buổi phát, quá 3 buổi`
  await expect(schedule.dayWarnings().filter({ hasText: tooMany })).toHaveCount(1)

  await schedule.weekTool('copyDay').click()
  // the rest of the week is ticked; its 18 filled sessions are listed before anything is written
  await expect(schedule.fillConflicts()).toHaveCount(18)
  await expect(schedule.dialog().getByText(vi('plan.preview.writes').replace('{{count}}', '24'))).toBeVisible()
  await schedule.dialogButton(vi('plan.copy.ok')).click()
  await expect(schedule.dialog()).toHaveCount(0)
  await schedule.setDate(week.date(6))
  await expect(schedule.items(evening)).toHaveCount(3)
  for (const label of SESSIONS) await expect(schedule.items(label)).toHaveCount(3)

  // the policy allows four: no warning
  await schedule.page.getByRole('button', { name: vi('schedule.policy.open') }).click()
  await schedule
    .dialog()
    .getByRole('spinbutton', { name: vi('schedule.policy.maxSessions') })
    .fill('4')
  await schedule.dialogButton(vi('schedule.save')).click()
  await expect(schedule.dialog()).toHaveCount(0)
  await expect(schedule.dayWarnings()).toHaveCount(0)

  // the rundown: Sunday's 19:00 session as automatic playout would play it
  const onair = new OnAirScreen(page, vi)
  await onair.open()
  await onair.chooseTrial(week.date(6), evening)
  await expect(onair.trialItems()).toHaveCount(3)
  await expect(onair.trialItems().nth(0)).toContainText('19:00:00 · Nhạc hiệu')
  await expect(onair.trialItems().nth(1)).toContainText('19:00:15 · Bản tin mới làm')
  await expect(onair.trialItems().nth(2)).toContainText('19:04:15 · Nhạc kết')
})
