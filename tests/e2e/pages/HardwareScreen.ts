/** Thiết bị, as the officer sees it: the device table, the add/edit form, the "Thử" button. */
import type { Locator, Page } from '@playwright/test'

export interface SerialDeviceInput {
  name: string
  path: string
}

export class HardwareScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly navItem = () => this.page.getByRole('menuitem', { name: this.s('nav.hardware') })
  readonly heading = () => this.page.getByRole('heading', { name: this.s('hardware.title') })
  readonly addButton = () => this.page.getByRole('button', { name: this.s('hardware.add') })
  readonly form = () => this.page.getByRole('dialog', { name: this.s('hardware.form.addTitle') })
  readonly row = (name: string): Locator => this.page.getByRole('row').filter({ hasText: name })
  readonly status = (name: string, state: string) => this.row(name).getByText(this.s(`hardware.status.${state}`))
  readonly testResult = (name: string) => this.row(name).getByRole('status')

  async open(): Promise<void> {
    await this.navItem().click()
    await this.heading().waitFor()
  }

  /** Adds a device with the form's defaults (LCUS relay board, 9600 baud) on a typed port path. */
  async addLcusRelay({ name, path }: SerialDeviceInput): Promise<void> {
    await this.addButton().click()
    const form = this.form()
    await form.getByLabel(this.s('hardware.form.name')).fill(name)
    await form.getByRole('combobox', { name: this.s('hardware.form.path') }).fill(path)
    await form.getByRole('button', { name: this.s('hardware.form.save') }).click()
    await form.waitFor({ state: 'hidden' })
  }

  readonly editForm = () => this.page.getByRole('dialog', { name: this.s('hardware.form.editTitle') })
  readonly emptyText = () => this.page.getByText(this.s('hardware.empty'))

  /** Opens the edit form of a device, gives it a new name and saves. */
  async rename(name: string, next: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: this.s('hardware.edit') })
      .click()
    const form = this.editForm()
    await form.getByLabel(this.s('hardware.form.name')).fill(next)
    await form.getByRole('button', { name: this.s('hardware.form.save') }).click()
    await form.waitFor({ state: 'hidden' })
  }

  async remove(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: this.s('hardware.remove') })
      .click()
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: this.s('hardware.remove') })
      .click()
  }

  async test(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: this.s('hardware.test.button') })
      .click()
  }
}
