import { expect, type Locator, type Page } from '@playwright/test'

/**
 * Picks an option in an antd Select by its visible title.
 *
 * The dropdown animates in and can be closed by a re-render of the screen behind it (a table that
 * refreshes after a search is cleared). One blind click then waits forever on an option that is no
 * longer shown, so the open-and-click is retried as a unit until the Select shows the choice.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
  const shown = select
    .locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]')
    .locator('.ant-select-content')
  await expect(async () => {
    if (!(await dropdown.isVisible())) await select.click({ timeout: 2_000 })
    await dropdown.getByTitle(option, { exact: true }).click({ timeout: 2_000 })
    await expect(shown).toHaveAttribute('title', option, { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
}

/**
 * Picks the first option of an antd Select whose title contains `text` (for options whose title
 * also carries a length or a count, e.g. "Tin một (00:03)"); retried as a unit like chooseOption.
 */
export async function chooseOptionContaining(page: Page, select: Locator, text: string): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
  const shown = select
    .locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]')
    .locator('.ant-select-content')
  await expect(async () => {
    if (!(await dropdown.isVisible())) await select.click({ timeout: 2_000 })
    await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click({ timeout: 2_000 })
    await expect(shown).toHaveAttribute('title', new RegExp(escapeRegExp(text)), { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
