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
  readonly cancelButton = () => this.page.getByRole('button', { name: this.s('tts.cancel') })
  /** The progress bar of a preview being spoken. */
  readonly previewProgress = () => this.page.getByRole('progressbar', { name: this.s('tts.progress.preview') })
  readonly warning = () => this.page.getByRole('status').filter({ hasText: this.s('tts.warnings.no-diacritics') })

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: this.s('tts.nav') }).click()
    await this.heading().waitFor()
  }

  /** Pastes `text` into the notice box through the system clipboard (Ctrl+V), as the officer does. */
  async paste(text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text)
    await this.text().focus()
    await this.page.keyboard.press('Control+V')
  }

  async create(text: string, title: string): Promise<void> {
    await this.text().fill(text)
    await this.titleField().fill(title)
    await this.createButton().click()
  }
}
