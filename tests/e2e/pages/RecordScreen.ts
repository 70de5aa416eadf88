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

  /**
   * Waits until the take's clock shows at least `seconds` ("00:02" or later). An exact-text wait can
   * miss a one-second window when the machine is busy; what the specs need is "recorded this long".
   */
  async waitElapsed(seconds: number, timeout = 10_000): Promise<void> {
    const shown = async () => {
      const [mm, ss] = ((await this.elapsed().textContent()) ?? '').split(':').map(Number)
      return (mm ?? 0) * 60 + (ss ?? 0)
    }
    await expect.poll(shown, { timeout, intervals: [100] }).toBeGreaterThanOrEqual(seconds)
  }
  readonly recovery = () => this.page.getByRole('region', { name: this.s('recovery.title') })
  readonly recoverButton = () => this.recovery().getByRole('button', { name: this.s('recovery.recover') })
  readonly alert = () => this.page.getByRole('alert')
  /** An alert whose text starts like the translation of `key` (up to its first placeholder). */
  readonly alertSaying = (key: string) =>
    this.page.getByRole('alert').filter({ hasText: this.s(key).split('{{')[0] ?? '' })
  readonly hostLost = () => this.alertSaying('record.hostLost')
  readonly unfiled = () => this.page.getByRole('region', { name: this.s('unfiled.title') })

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

  /**
   * Pauses, then reads how many samples the recorder took for the file once the count has settled
   * (nothing more is taken while paused). Resolves with the page-clock time of the pause too.
   */
  async pauseAndCount(): Promise<{ pausedAt: number; acceptedSamples: number }> {
    const pausedAt = await clickNow(this.pauseButton())
    await this.resumeButton().waitFor()
    const read = async () => Number(await this.elapsed().getAttribute('data-sample-count'))
    let acceptedSamples = await read()
    for (let again = -1; again !== acceptedSamples;) {
      await this.page.waitForTimeout(300)
      again = acceptedSamples
      acceptedSamples = await read()
    }
    return { pausedAt, acceptedSamples }
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
