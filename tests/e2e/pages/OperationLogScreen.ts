/** Nhật ký thao tác, as the officer sees it. */
import type { Page } from '@playwright/test'

export class OperationLogScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: this.s('oplog.nav') }).click()
    await this.page.getByRole('heading', { name: this.s('oplog.title') }).waitFor()
  }

  readonly rows = () => this.page.locator('.ant-table-tbody tr.ant-table-row')
  /** The row of entry number `seq`. */
  readonly entry = (seq: number) =>
    this.rows().filter({ has: this.page.getByRole('cell', { name: String(seq), exact: true }) })
  readonly checkButton = () => this.page.getByRole('button', { name: this.s('oplog.integrity.check') })
  readonly result = () => this.page.locator('.ant-alert').filter({ hasText: /Mục số|Nhật ký nguyên vẹn|Entry|intact/ })
}
