import { expect, type Locator } from '@playwright/test'

/**
 * Types a station day into a LocalDateInput (an antd DatePicker shown DD/MM/YYYY in both
 * languages) and commits it with Enter, as an officer typing the date would. `isoDay` is the
 * data's form ("2026-12-08").
 */
export async function typeLocalDate(input: Locator, isoDay: string): Promise<void> {
  const [y, m, d] = isoDay.split('-')
  const shown = `${d}/${m}/${y}`
  await input.click()
  await input.fill(shown)
  await input.press('Enter')
  await expect(input).toHaveValue(shown)
}

/** Types a wall-clock time ("07:05", 24-hour in both languages) into a LocalTimeInput and commits it. */
export async function typeLocalTime(input: Locator, time: string): Promise<void> {
  await input.click()
  await input.fill(time)
  await input.press('Enter')
  await expect(input).toHaveValue(time)
}
