/** Cài đặt → Người dùng trên máy này, and the PIN prompt of a guarded action. */
import { expect, type Page } from '@playwright/test'
import { chooseOption } from './antd-select'

export class LocalUsersScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly card = () => this.page.locator('.ant-card').filter({ hasText: this.s('roles.card.title') })
  readonly prompt = () => this.page.getByRole('dialog').filter({ hasText: this.s('roles.prompt.title') })

  async addUser(name: string, role: 'officer' | 'approver' | 'viewer' | null, pin: string): Promise<void> {
    const card = this.card()
    await card.getByLabel(this.s('roles.card.name'), { exact: true }).fill(name)
    if (role)
      await chooseOption(
        this.page,
        card.getByRole('combobox', { name: this.s('roles.card.role') }),
        this.s(`roles.role.${role}`),
      )
    await card.getByLabel(this.s('roles.newPin')).fill(pin)
    await card.getByRole('button', { name: this.s('roles.card.add') }).click()
    await expect(card.getByRole('row').filter({ hasText: name })).toBeVisible()
  }

  async signIn(name: string, role: 'officer' | 'approver' | 'viewer', pin: string): Promise<void> {
    const card = this.card()
    await chooseOption(
      this.page,
      card.getByRole('combobox', { name: this.s('roles.card.user') }),
      `${name} (${this.s(`roles.role.${role}`)})`,
    )
    await card.getByLabel(this.s('roles.pin'), { exact: true }).fill(pin)
    await card.getByRole('button', { name: this.s('roles.card.signIn') }).click()
    await expect(card.getByRole('button', { name: this.s('roles.card.signOut') })).toBeVisible()
  }

  async signOut(): Promise<void> {
    await this.card()
      .getByRole('button', { name: this.s('roles.card.signOut') })
      .click()
    await expect(this.card().getByRole('button', { name: this.s('roles.card.signIn') })).toBeVisible()
  }

  /** In the PIN prompt: the (only or chosen) allowed user confirms with their PIN. */
  async confirmWithPin(pin: string): Promise<void> {
    await this.prompt().getByLabel(this.s('roles.pin')).fill(pin)
    await this.prompt()
      .getByRole('button', { name: this.s('roles.prompt.confirm') })
      .click()
  }
}
