/** Báo cáo, as the officer sees it: period picker, issuing details, the download buttons. */
import type { Download, Page } from '@playwright/test'

export interface IssuerInput {
  communeName: string
  provinceName: string
  place: string
}

export class ReportsScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly navItem = () => this.page.getByRole('menuitem', { name: this.s('reports.nav') })
  readonly heading = () => this.page.getByRole('heading', { name: this.s('reports.title'), level: 2 })
  readonly table = (id: string) => this.page.getByRole('table', { name: this.s(`reports.tables.${id}`) })

  async open(): Promise<void> {
    await this.navItem().click()
    await this.heading().waitFor()
  }

  async choosePeriodKind(kind: 'month' | 'quarter' | 'year' | 'reporting-year'): Promise<void> {
    await this.page.getByText(this.s(`reports.period.kinds.${kind}`), { exact: true }).click()
  }

  /** Opens the issuing-details panel and types the commune, province and place. */
  async fillIssuer({ communeName, provinceName, place }: IssuerInput): Promise<void> {
    await this.page.getByRole('button', { name: this.s('reports.issuer.title') }).click()
    await this.page.getByRole('textbox', { name: this.s('reports.issuer.communeName') }).fill(communeName)
    await this.page.getByRole('textbox', { name: this.s('reports.issuer.provinceName') }).fill(provinceName)
    await this.page.getByRole('textbox', { name: this.s('reports.issuer.place') }).fill(place)
  }

  /** Presses a download button and waits for the browser's download. */
  async download(format: 'xlsx' | 'docx' | 'csv'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: this.s(`reports.export.${format}`) }).click(),
    ])
    return download
  }
}
