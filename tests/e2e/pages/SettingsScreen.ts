/** Cài đặt, as the officer sees it. */
import type { Page } from '@playwright/test'

export class SettingsScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly language = (label: 'Tiếng Việt' | 'English') => this.page.getByRole('radio', { name: label })
  readonly minRecordingSeconds = () =>
    this.page.getByRole('spinbutton', { name: this.s('settings.minRecordingSeconds') })

  /** Types a new minimum length; it is saved when the field is left. */
  async setMinRecordingSeconds(value: string): Promise<void> {
    await this.minRecordingSeconds().fill(value)
    await this.minRecordingSeconds().blur()
    await this.page.getByText(this.s('settings.saved')).first().waitFor()
  }
}
