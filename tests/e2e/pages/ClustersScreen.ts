/** Cụm loa, as the officer sees it: overview cards, the table, the add form, a cluster's drawer. */
import type { Locator, Page } from '@playwright/test'

export interface ClusterInput {
  code: string
  name: string
  hamlet: string
}

export class ClustersScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly navItem = () => this.page.getByRole('menuitem', { name: this.s('clusters.nav') })
  readonly heading = () => this.page.getByRole('heading', { name: this.s('clusters.title'), level: 2 })
  readonly addButton = () => this.page.getByRole('button', { name: this.s('clusters.add') })
  readonly addForm = () => this.page.getByRole('dialog', { name: this.s('clusters.form.addTitle') })
  readonly row = (code: string): Locator => this.page.getByRole('row').filter({ hasText: code })
  /** An overview card by its title ("Tất cả cụm loa", a technology, …). */
  readonly card = (title: string): Locator => this.page.getByRole('region', { name: title })
  readonly allCard = () => this.card(this.s('clusters.overview.all'))
  readonly hamletsCard = () => this.card(this.s('clusters.overview.hamletsWithoutWorking'))

  async open(): Promise<void> {
    await this.navItem().click()
    await this.heading().waitFor()
  }

  async add({ code, name, hamlet }: ClusterInput): Promise<void> {
    await this.addButton().click()
    const form = this.addForm()
    await form.getByLabel(this.s('clusters.form.code')).fill(code)
    await form.getByLabel(this.s('clusters.form.name'), { exact: true }).fill(name)
    await form.getByLabel(this.s('clusters.form.hamlet')).fill(hamlet)
    await form.getByRole('button', { name: this.s('clusters.form.save') }).click()
    await form.waitFor({ state: 'hidden' })
  }

  /** Opens the cluster's drawer, presses "Báo hỏng", writes the note and confirms. */
  async markFaulty(code: string, note: string): Promise<void> {
    await this.row(code)
      .getByRole('button', { name: this.s('clusters.details') })
      .click()
    await this.page.getByRole('button', { name: this.s('clusters.actions.fault') }).click()
    const dialog = this.page.getByRole('dialog', {
      name: this.s('clusters.action.fault.title').replace('{{cluster}}', code),
    })
    await dialog.getByLabel(this.s('clusters.action.fault.note')).fill(note)
    await dialog.getByRole('button', { name: this.s('clusters.action.fault.ok') }).click()
    await dialog.waitFor({ state: 'hidden' })
  }

  /** Closes the open cluster drawer (Esc, as the officer can). */
  async closeDetails(code: string): Promise<void> {
    const drawer = this.page.getByRole('dialog').filter({ hasText: code }).last()
    await this.page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
  }

  /** The history list in the open drawer. */
  readonly history = () => this.page.getByRole('list', { name: this.s('clusters.drawer.history') })
}
