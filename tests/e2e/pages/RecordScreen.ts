/** Thu âm, as the officer sees it. */
import type { Page } from '@playwright/test'

export class RecordScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { name: this.s('record.title') })
  readonly titleInput = () => this.page.getByRole('textbox', { name: this.s('record.titleLabel') })
  readonly startButton = () => this.page.getByRole('button', { name: this.s('record.start') })
  readonly pauseButton = () => this.page.getByRole('button', { name: this.s('record.pause') })
  readonly resumeButton = () => this.page.getByRole('button', { name: this.s('record.resume') })
  readonly stopButton = () => this.page.getByRole('button', { name: this.s('record.stop') })
  readonly recordingState = () => this.page.getByText(this.s('record.phase.recording'))
  readonly elapsed = () => this.page.getByLabel(this.s('record.elapsed'))
  readonly recovery = () => this.page.getByRole('region', { name: this.s('recovery.title') })
  readonly recoverButton = () => this.recovery().getByRole('button', { name: this.s('recovery.recover') })
  readonly alert = () => this.page.getByRole('alert')

  /** Starts recording and resolves when capture is running (ms timestamp of that moment). */
  async start(title: string): Promise<number> {
    await this.titleInput().fill(title)
    await this.startButton().click()
    await this.recordingState().waitFor()
    return Date.now()
  }
}
