/** Đọc văn bản, as the officer sees it. */
import type { Page } from '@playwright/test'

export class TtsScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string, values?: Record<string, string>) => string,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { name: this.s('tts.title') })
  readonly text = () => this.page.getByLabel(this.s('tts.text'), { exact: true })
  readonly titleField = () => this.page.getByLabel(this.s('tts.titleLabel'), { exact: true })
  readonly previewButton = () => this.page.getByRole('button', { name: this.s('tts.preview') })
  readonly createButton = () => this.page.getByRole('button', { name: this.s('tts.create') })
  readonly previewPlayer = () => this.page.getByLabel(this.s('tts.previewPlayer'))
  readonly alert = () => this.page.getByRole('alert')
  readonly warning = () => this.page.getByRole('status').filter({ hasText: this.s('tts.warnings.no-diacritics') })

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: this.s('tts.nav') }).click()
    await this.heading().waitFor()
  }

  async create(text: string, title: string): Promise<void> {
    await this.text().fill(text)
    await this.titleField().fill(title)
    await this.createButton().click()
  }
}
