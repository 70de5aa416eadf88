/** The import drop zone on the library screen, and the audio job API the page exposes with `?automation`. */
import type { Page } from '@playwright/test'

export class ImportScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly button = () => this.page.getByRole('button', { name: this.s('audio.import.button'), exact: true })
  readonly progress = () => this.page.getByRole('progressbar')
  readonly cancelButton = () => this.page.getByRole('button', { name: this.s('audio.import.cancel') })
  /** The message after a refused file, which names it. */
  readonly failure = (name: string) =>
    this.page.getByText(this.s('audio.import.failed').replace('{{name}}', name).split('{{reason}}')[0] ?? name)

  /** Opens the app with the automation hook (the library installs it). */
  async openWithAutomation(url: string): Promise<void> {
    const target = new URL(url)
    target.searchParams.set('automation', '1')
    await this.page.goto(target.toString())
    await this.page.getByRole('menuitem', { name: this.s('nav.library') }).click()
    await this.button().waitFor()
  }

  /** Picks a file through the button's file chooser, as the officer does. */
  async importFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.button().click()
    await (await chooser).setFiles(path)
  }

  /** Settings → "Tên đài" (the station's name in exported MP3s), saved on Enter. */
  async setStationName(name: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: this.s('nav.settings') }).click()
    const field = this.page.getByRole('textbox', { name: this.s('audio.settings.stationName') })
    await field.fill(name)
    await field.press('Enter')
  }
}
