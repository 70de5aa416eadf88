/** Phát sóng, as the officer sees it. */
import type { Page } from '@playwright/test'

export class OnAirScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { name: this.s('onair.title') })
  readonly dtmfOn = () => this.page.getByRole('textbox', { name: this.s('onair.controls.dtmfOn') })
  readonly dtmfOff = () => this.page.getByRole('textbox', { name: this.s('onair.controls.dtmfOff') })
  readonly trialButton = () => this.page.getByRole('button', { name: this.s('onair.controls.trial') })
  readonly playNowButton = () => this.page.getByRole('button', { name: this.s('onair.controls.playNow') })
  readonly emergencyPick = () => this.page.getByRole('combobox', { name: this.s('onair.controls.emergencyItem') })
  readonly log = () => this.page.getByRole('table').filter({ has: this.page.getByText(this.s('onair.log.planned')) })
  readonly logRows = () =>
    this.log()
      .getByRole('row')
      .filter({ hasNot: this.page.getByRole('columnheader') })
  readonly logRow = (title: string) => this.logRows().filter({ hasText: title })

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: this.s('onair.nav') }).click()
    await this.heading().waitFor()
  }

  /** Starts a session of the library's items now, with these DTMF zone codes around it. */
  async playTrial(codes: { on: string; off: string }): Promise<void> {
    await this.dtmfOn().fill(codes.on)
    await this.dtmfOff().fill(codes.off)
    await this.trialButton().click()
  }

  /** Presses "Phát ngay" for one announcement and confirms. */
  async playNow(title: string): Promise<void> {
    await this.emergencyPick().click()
    await this.page.getByRole('option', { name: title }).click()
    await this.playNowButton().click()
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: this.s('onair.controls.playNowOk') })
      .click()
  }

  /** The log rows' cells, top to bottom: [planned, title, start, end, outcome, devices]. */
  async logTable(): Promise<string[][]> {
    const rows = await this.logRows().all()
    return Promise.all(rows.map(async (row) => (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim())))
  }
}
