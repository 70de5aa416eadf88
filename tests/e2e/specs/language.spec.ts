import { expect, test } from '../fixtures'
import { AppShell } from '../pages/AppShell'
import { SettingsScreen } from '../pages/SettingsScreen'
import { en, vi } from '../support/strings'

test('switches the interface to English and back, and remembers the choice', async ({ station }) => {
  const page = station.page
  await expect(page.getByRole('heading', { name: vi('record.title') })).toBeVisible()
  await new AppShell(page, vi).open('settings')
  await new SettingsScreen(page, vi).language('English').click()
  await expect(page.getByRole('heading', { name: en('settings.title') })).toBeVisible()
  await expect(new AppShell(page, en).nav('library')).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { name: en('record.title') })).toBeVisible()

  await new AppShell(page, en).open('settings')
  await new SettingsScreen(page, en).language('Tiếng Việt').click()
  await expect(page.getByRole('heading', { name: vi('settings.title') })).toBeVisible()
  await expect(new AppShell(page, vi).nav('record')).toBeVisible()
})
