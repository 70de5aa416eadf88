/** Cài đặt, as the officer sees it. */
import type { Page } from '@playwright/test'

export class SettingsScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly language = (label: 'Tiếng Việt' | 'English') => this.page.getByRole('radio', { name: label })
}
