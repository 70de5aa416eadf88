/** Bản tin, as the officer sees it. */
import { expect, type Locator, type Page } from '@playwright/test'
import { chooseOption } from './antd-select'

export class BulletinScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { name: this.s('bulletins.title') })
  readonly parts = () => this.page.getByLabel(this.s('bulletins.parts'), { exact: true })
  readonly total = () => this.page.getByLabel(this.s('bulletins.total'), { exact: true })
  readonly exportButton = () => this.page.getByRole('button', { name: this.s('bulletins.export') })
  readonly saveToLibraryButton = () => this.page.getByRole('button', { name: this.s('bulletins.library.save') })
  readonly openSavedButton = () => this.page.getByRole('button', { name: this.s('bulletins.library.open') })

  /** The note after "Lưu vào thư viện": saved, or already in the library (text up to the title). */
  libraryNote(kind: 'saved' | 'already', title: string): Locator {
    const text = this.s(`bulletins.library.${kind}`).replace('{{title}}', title)
    return this.page.getByText(text, { exact: true })
  }

  /** The content kind the announcement gets when saved (an antd Select), by its visible label. */
  async chooseLibraryKind(label: string): Promise<void> {
    await chooseOption(this.page, this.page.getByRole('combobox', { name: this.s('bulletins.library.kind') }), label)
  }

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

  /** The session (buổi phát) the bulletin is made for, by its label, start and limit as listed. */
  async chooseSession(session: { label: string; start: string; minutes: number }): Promise<void> {
    const title = this.s('bulletins.sessionOption')
      .replace('{{label}}', session.label)
      .replace('{{start}}', session.start)
      .replace('{{minutes}}', String(session.minutes))
    await chooseOption(this.page, this.page.getByRole('combobox', { name: this.s('bulletins.session') }), title)
  }

  /** The limit shown beside the total, in minutes. */
  async limitMin(): Promise<number> {
    return Number(await this.page.getByLabel(this.s('bulletins.limit'), { exact: true }).getAttribute('data-limit-min'))
  }

  /**
   * A province program as sync leaves it in the `programs` table (the province server is not part
   * of this spec). Written straight into IndexedDB, so the page is reloaded to read it.
   */
  async seedProgram(row: { id: string; title: string; mediaHash: string; durationMs: number }): Promise<void> {
    await this.page.evaluate(
      (program) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('daixa')
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'))
          open.onsuccess = () => {
            const tx = open.result.transaction('programs', 'readwrite')
            tx.objectStore('programs').put(program)
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error ?? new Error('write failed'))
          }
        }),
      {
        ...row,
        priority: 'normal',
        validFrom: null,
        validTo: null,
        serverVersion: 1,
        updatedAt: new Date().toISOString(),
        status: 'active',
        source: 'province',
      },
    )
    await this.page.reload()
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
    // antd draws the radio as a button over a hidden input: click the button's label. The choice
    // is stored, then read back through the database, so it shows a moment later: wait for it.
    await expect(async () => {
      await this.partRow(title)
        .getByText(this.s(`bulletins.${kind}`), { exact: true })
        .click({ timeout: 2_000 })
      await expect(option).toBeChecked({ timeout: 2_000 })
    }).toPass({ timeout: 20_000 })
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
