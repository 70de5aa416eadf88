import { expect, type Locator, type Page } from '@playwright/test'

/**
 * Opens an antd Select and clicks the option `pick` finds in its dropdown, until the Select shows
 * a title matching `shows`.
 *
 * The dropdown animates in and can be closed by a re-render of the screen behind it (a table that
 * refreshes after a search is cleared). One blind click then waits forever on an option that is no
 * longer shown, so the open-and-click is retried as a unit until the Select shows the choice.
 */
async function pickOption(
  page: Page,
  select: Locator,
  pick: (dropdown: Locator) => Locator,
  shows: string | RegExp,
): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
  const shown = select
    .locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]')
    .locator('.ant-select-content')
  await expect(async () => {
    if (!(await dropdown.isVisible())) await select.click({ timeout: 2_000 })
    await pick(dropdown).click({ timeout: 2_000 })
    await expect(shown).toHaveAttribute('title', shows, { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
}

/** Picks an option in an antd Select by its visible title. */
export function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  return pickOption(page, select, (dropdown) => dropdown.getByTitle(option, { exact: true }), option)
}

/**
 * Picks the first option whose title contains `text` (for options whose title also carries a
 * length or a count, e.g. "Tin một (00:03)").
 */
export function chooseOptionContaining(page: Page, select: Locator, text: string): Promise<void> {
  const pick = (dropdown: Locator) => dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first()
  return pickOption(page, select, pick, new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
}
