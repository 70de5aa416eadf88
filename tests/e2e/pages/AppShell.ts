/** The side menu, present on every screen. */
import type { Page } from '@playwright/test'

export class AppShell {
  constructor(
    private readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  nav(screen: 'record' | 'library' | 'hardware' | 'settings') {
    return this.page.getByRole('menuitem', { name: this.s(`nav.${screen}`) })
  }

  async open(screen: 'record' | 'library' | 'hardware' | 'settings'): Promise<void> {
    await this.nav(screen).click()
    await this.page.getByRole('heading', { name: this.s(`${screen}.title`) }).waitFor()
  }
}
