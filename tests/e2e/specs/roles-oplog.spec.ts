/**
 * Local roles and the operation log, end to end: with roles on, the officer signed in cannot
 * approve; the approver's PIN in the prompt does; the officer may delete; every action appears in
 * Nhật ký thao tác; and a line of the log file edited on disk is named by "Kiểm tra tính toàn vẹn".
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import { typeLocalDate } from '../pages/antd-date'
import { AppShell } from '../pages/AppShell'
import { EditorScreen } from '../pages/EditorScreen'
import { LibraryScreen } from '../pages/LibraryScreen'
import { LocalUsersScreen } from '../pages/LocalUsersScreen'
import { OperationLogScreen } from '../pages/OperationLogScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { vi } from '../support/strings'

const TITLE = 'Thông báo họp dân'

test('the officer cannot approve, the approver PIN does, and the log names an edited entry', async ({ station }) => {
  test.setTimeout(240_000) // a ceiling for a loaded machine; about 1 min on a quiet one
  const page = station.page
  const shell = new AppShell(page, vi)
  const record = new RecordScreen(page, vi)
  await record.start(TITLE)
  await expect(record.elapsed()).toHaveText(/^00:0[1-9]$/, { timeout: 15_000 })
  await record.stopButton().click()
  const library = new LibraryScreen(page, vi)
  await expect(library.row(TITLE)).toBeVisible({ timeout: 30_000 })

  // Roles on: the first user (an approver), then an officer added by her, who signs in.
  await shell.open('settings')
  const users = new LocalUsersScreen(page, vi)
  await users.addUser('Lan', null, '482913')
  await users.signIn('Lan', 'approver', '482913')
  await users.addUser('Hùng', 'officer', '1111')
  await users.signOut()
  await users.signIn('Hùng', 'officer', '1111')

  // The officer submits and presses Duyệt: refused, the prompt asks the approver.
  await shell.open('library')
  await library.details(TITLE)
  const drawer = new EditorScreen(page, vi).drawer()
  await drawer.getByRole('button', { name: vi('editor.approval.submit') }).click()
  await expect(drawer.getByText(vi('editor.approvalStates.awaiting-approval'))).toBeVisible()
  await expect(drawer.getByLabel(vi('editor.approval.approver'))).toHaveCount(0)
  await drawer.getByRole('button', { name: vi('editor.approval.approve'), exact: true }).click()
  await expect(users.prompt()).toContainText('Hùng là cán bộ nên không được duyệt')
  await expect(drawer.getByText(vi('editor.approvalStates.awaiting-approval'))).toBeVisible()
  await users.confirmWithPin('000000')
  await expect(users.prompt()).toContainText(vi('roles.refusal.wrong-pin'))
  await users.confirmWithPin('482913')
  await expect(drawer.getByText(/Đã duyệt bởi Lan lúc/)).toBeVisible()
  await page.keyboard.press('Escape')
  // An officer may delete: done at once, no prompt.
  await library.delete(TITLE)
  await expect(library.row(TITLE)).toHaveCount(0)
  await expect(users.prompt()).toHaveCount(0)

  // Every action above is in the log, newest first, with who did it.
  const log = new OperationLogScreen(page, vi)
  await log.open()
  const expected: Array<[string, string, string]> = [
    ['user-add', 'Lan', 'done'],
    ['sign-in', 'Lan', 'done'],
    ['user-add', 'Lan', 'done'],
    ['sign-out', 'Lan', 'done'],
    ['sign-in', 'Hùng', 'done'],
    ['approve', 'Hùng', 'refused'],
    ['approve', 'Lan', 'refused'],
    ['approve', 'Lan', 'done'],
    ['delete', 'Hùng', 'done'],
  ]
  await expect(log.rows()).toHaveCount(expected.length)
  for (const [n, [action, who, outcome]] of expected.entries()) {
    const row = log.entry(n + 1)
    await expect(row).toContainText(vi(`oplog.actions.${action}`))
    await expect(row).toContainText(who)
    await expect(row).toContainText(vi(`oplog.outcome.${outcome}`))
  }
  // The day filter (typed dd/MM/yyyy): from tomorrow shows nothing, from today everything.
  const vietnamDay = (offsetDays: number) =>
    new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
  await typeLocalDate(page.getByLabel(vi('oplog.filters.from')), vietnamDay(1))
  await expect(log.rows()).toHaveCount(0)
  await typeLocalDate(page.getByLabel(vi('oplog.filters.from')), vietnamDay(0))
  await expect(log.rows()).toHaveCount(expected.length)

  await log.checkButton().click()
  await expect(log.result()).toContainText('Nhật ký nguyên vẹn: 9 mục')

  // Someone turns the officer's refused approval into a done one, in the file on disk.
  const file = join(station.dataDir, 'oplog', 'operations.jsonl')
  const lines = readFileSync(file, 'utf8').split('\n')
  const at = lines.findIndex((l) => l.includes('"action":"approve"') && l.includes('"outcome":"refused"'))
  lines[at] = (lines[at] ?? '').replace('"outcome":"refused"', '"outcome":"done"')
  writeFileSync(file, lines.join('\n'))
  await log.checkButton().click()
  await expect(log.result()).toContainText(`Mục số ${at + 1} đã bị sửa`)
})
