/** Bản tin, as the officer sees it. */
import type { Locator, Page } from '@playwright/test'

export class BulletinScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { name: this.s('bulletins.title') })
  readonly parts = () => this.page.getByLabel(this.s('bulletins.parts'), { exact: true })
  readonly total = () => this.page.getByLabel(this.s('bulletins.total'), { exact: true })
  readonly exportButton = () => this.page.getByRole('button', { name: this.s('bulletins.export') })

  /** The part rows, in order, by their accessible names ("Phần 1: …"). */
  partRow(title: string): Locator {
    return this.parts().getByRole('listitem', {
      name: new RegExp(`: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    })
  }

  /** The part at position `n` (1-based), named "Phần n: title". */
  partAt(n: number, title: string): Locator {
    const name = this.s('bulletins.partRow').replace('{{n}}', String(n)).replace('{{title}}', title)
    return this.parts().getByRole('listitem', { name, exact: true })
  }

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: this.s('bulletins.nav') }).click()
    await this.heading().waitFor()
  }

  async newBulletin(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('bulletins.new') }).click()
    await this.page.getByLabel(this.s('bulletins.titleLabel')).waitFor()
  }

  async rename(title: string): Promise<void> {
    const field = this.page.getByLabel(this.s('bulletins.titleLabel'))
    await field.fill(title)
    await field.press('Enter')
  }

  async addAnnouncement(title: string): Promise<void> {
    const picker = this.page.getByRole('combobox', { name: this.s('bulletins.pickAnnouncement') })
    await picker.click()
    await picker.fill(title)
    await picker.press('Enter')
    await this.page.getByRole('button', { name: this.s('bulletins.addAnnouncement') }).click()
    await this.partRow(title).waitFor()
  }

  async addJingle(which: 'intro' | 'outro'): Promise<void> {
    await this.page
      .getByRole('button', { name: this.s(which === 'intro' ? 'bulletins.addIntro' : 'bulletins.addOutro') })
      .click()
  }

  /** Sets the joint before the part titled `title`. */
  async setJoint(title: string, kind: 'gap' | 'crossfade', ms: number): Promise<void> {
    const option = this.partRow(title).getByRole('radio', { name: this.s(`bulletins.${kind}`) })
    // antd draws the radio as a button over a hidden input: click the button's label.
    await this.partRow(title)
      .getByText(this.s(`bulletins.${kind}`), { exact: true })
      .click()
    await option.waitFor({ state: 'attached' })
    if (!(await option.isChecked())) throw new Error(`joint before ${title} did not switch to ${kind}`)
    const msBox = this.page.getByRole('spinbutton', { name: this.s('bulletins.jointMs').replace('{{title}}', title) })
    await msBox.fill(String(ms))
    await msBox.press('Tab')
  }

  async moveUp(title: string): Promise<void> {
    await this.page.getByRole('button', { name: this.s('bulletins.moveUp').replace('{{title}}', title) }).click()
  }

  async totalMs(): Promise<number> {
    return Number(await this.total().getAttribute('data-duration-ms'))
  }
}
