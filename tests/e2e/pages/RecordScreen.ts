/** Thu âm, as the officer sees it. */
import { expect, type Locator, type Page } from '@playwright/test'

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

  /** Starts recording; resolves, once capture runs, with the page-clock time (ms) of the click. */
  async start(title: string): Promise<number> {
    await this.titleInput().fill(title)
    // The button is enabled once the microphone is open (slow on a loaded machine); a click on a
    // disabled button would be lost and the test would wait for a recording that never started.
    await expect(this.startButton()).toBeEnabled({ timeout: 30_000 })
    const clickedAt = await clickNow(this.startButton())
    await this.recordingState().waitFor()
    return clickedAt
  }

  /** Presses stop; resolves with the page-clock time (ms) of the click. */
  async stop(): Promise<number> {
    return clickNow(this.stopButton())
  }
}

/**
 * Clicks inside the page and reads the page's clock in the same task, so the time is that of the
 * click itself and not of the test runner's round trip (which a busy machine stretches).
 */
function clickNow(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    if ((el as HTMLButtonElement).disabled) throw new Error('clickNow: the button is disabled; the click would be lost')
    ;(el as HTMLElement).click()
    return performance.now()
  })
}
