/** Biên tập and the details/approval drawer, as the officer sees them. */
import type { Locator, Page } from '@playwright/test'
import { chooseOption } from './antd-select'

export class EditorScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly waveform = () => this.page.getByRole('img', { name: this.s('editor.waveform') })
  /** A button by its text; antd puts the icon's name first ("delete Xóa"), so match the end. */
  readonly button = (key: string) =>
    this.page.getByRole('button', { name: new RegExp(`(^|\\s)${escapeRegExp(this.s(key))}$`) })
  readonly originalDuration = () => this.page.getByLabel(this.s('editor.originalDuration'), { exact: true })
  readonly editedDuration = () => this.page.getByLabel(this.s('editor.editedDuration'), { exact: true })
  readonly position = () => this.page.getByLabel(this.s('editor.position'), { exact: true })
  readonly operations = () => this.page.getByRole('region', { name: this.s('editor.operations') }).getByRole('listitem')
  readonly saved = () => this.page.getByText(this.s('editor.save.saved'), { exact: true })
  readonly drawer = () => this.page.getByRole('dialog')

  async waitOpen(): Promise<void> {
    await this.waveform().waitFor()
    await this.editedDuration().waitFor()
  }

  /** Types the selection in seconds (the waveform's drag does the same). */
  async select(startS: number, endS: number): Promise<void> {
    await this.page.getByRole('spinbutton', { name: this.s('editor.selectionEnd') }).fill(String(endS))
    await this.page.getByRole('spinbutton', { name: this.s('editor.selectionStart') }).fill(String(startS))
    await this.page.getByRole('spinbutton', { name: this.s('editor.selectionEnd') }).fill(String(endS))
    // Leave the fields so the editor's keys apply again.
    await this.page.getByRole('spinbutton', { name: this.s('editor.selectionEnd') }).blur()
  }

  async back(): Promise<void> {
    await this.button('editor.back').click()
  }

  /** Picks an option in an antd Select found by its label. */
  async choose(select: Locator, option: string): Promise<void> {
    await chooseOption(this.page, select, option)
  }

  async openDetails(): Promise<void> {
    await this.button('editor.metadata.open').click()
    await this.drawer().waitFor()
  }

  field(key: string): Locator {
    return this.drawer().getByLabel(this.s(key), { exact: true })
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
