/** The province link as the officer sees it: Cài đặt → Kết nối với tỉnh, and the side bar's sync status. */
import type { Page } from '@playwright/test'

export class SyncScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  /** The always-visible status region in the side bar. */
  readonly status = () => this.page.getByRole('region', { name: this.s('sync.status.region') })
  readonly syncNowButton = () => this.status().getByRole('button', { name: this.s('sync.status.syncNow') })
  readonly pending = (count: number) =>
    this.status().getByText(this.s('sync.status.pending').replace('{{count}}', String(count)), { exact: false })
  /** The state word of the side bar (sync-state.ts): 'connected', 'syncing', 'signed-out', … */
  readonly state = (state: string) =>
    this.status()
      .getByRole('status')
      .getByText(this.s(`sync.state.${state}`))
  readonly online = () => this.state('connected')
  readonly notConfigured = () => this.state('not-set-up')

  readonly serverUrl = () => this.page.getByRole('textbox', { name: this.s('sync.settings.serverUrl') })
  readonly saveServerButton = () => this.page.getByRole('button', { name: this.s('sync.settings.saveServer') })
  readonly username = () => this.page.getByRole('textbox', { name: this.s('sync.settings.username') })
  readonly password = () => this.page.getByLabel(this.s('sync.settings.password'), { exact: true })
  /** Cài đặt's sign-in button (the side bar has its own, which opens Cài đặt). */
  readonly signInButton = () =>
    this.page.getByRole('main').getByRole('button', { name: this.s('sync.settings.signIn'), exact: true })
  readonly signOutButton = () => this.page.getByRole('button', { name: this.s('sync.settings.signOut') })
  readonly urlError = () => this.page.getByText(this.s('sync.settings.invalidUrl'))
  readonly signedInAs = (commune: string, username: string) =>
    this.page.getByText(
      this.s('sync.settings.signedInAs').replace('{{commune}}', commune).replace('{{username}}', username),
    )

  /** The sync badge of a library row (by the announcement's title). */
  badge(rowTitle: string, kind: 'only-local' | 'on-province' | 'rejected') {
    return this.page
      .getByRole('row')
      .filter({ hasText: rowTitle })
      .getByText(this.s(`sync.badge.${kind}`))
  }

  async setServer(url: string): Promise<void> {
    await this.serverUrl().fill(url)
    await this.saveServerButton().click()
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username().fill(username)
    await this.password().fill(password)
    await this.signInButton().click()
  }
}
