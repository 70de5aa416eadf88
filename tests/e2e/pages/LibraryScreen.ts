/** Thư viện, as the officer sees it. */
import type { Page } from '@playwright/test'
import { chooseOption } from './antd-select'

export class LibraryScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { name: this.s('library.title') })
  readonly row = (title: string) => this.page.getByRole('row').filter({ hasText: title })
  readonly waveform = () => this.page.getByRole('img', { name: this.s('library.waveform') })
  readonly playButton = () => this.page.getByRole('button', { name: this.s('library.play') })
  readonly position = () => this.page.getByLabel(this.s('library.position'))

  async listen(title: string): Promise<void> {
    await this.row(title)
      .getByRole('button', { name: this.s('library.listen') })
      .click()
    await this.waveform().waitFor()
  }

  async rename(title: string, next: string): Promise<void> {
    await this.row(title)
      .getByRole('button', { name: this.s('library.rename') })
      .click()
    const box = this.row(title).getByRole('textbox')
    await box.fill(next)
    await box.press('Enter')
    // The new title shows once the local database has it (a reload before that would lose it).
    await this.row(next).getByText(next, { exact: true }).waitFor()
  }

  async delete(title: string): Promise<void> {
    await this.row(title)
      .getByRole('button', { name: this.s('common.delete') })
      .click()
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: this.s('common.delete') })
      .click()
  }

  /** Opens the editor from the row's "Biên tập". */
  async edit(title: string): Promise<void> {
    await this.row(title)
      .getByRole('button', { name: this.s('editor.open') })
      .click()
  }

  async details(title: string): Promise<void> {
    await this.row(title)
      .getByRole('button', { name: this.s('editor.metadata.open') })
      .click()
    await this.page.getByRole('dialog').waitFor()
  }

  readonly search = () => this.page.getByLabel(this.s('editor.filters.search'))
  readonly filter = (key: string) => this.page.getByRole('combobox', { name: this.s(`editor.filters.${key}`) })
  readonly dataRows = () => this.page.locator('.ant-table-tbody tr.ant-table-row')

  /** Picks a filter value (an antd Select) by its visible label. */
  async setFilter(key: string, option: string): Promise<void> {
    await chooseOption(this.page, this.filter(key), option)
  }
}
