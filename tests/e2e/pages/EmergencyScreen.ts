/**
 * Emergencies as the officer sees them: the full-screen banner over any screen, the list on
 * Phát sóng with "Nhập cảnh báo CAP…", the countdown in Cài đặt; and the stored bulletins
 * (IndexedDB `emergencies`) for the checks.
 */
import type { Page } from '@playwright/test'

/** A stored emergency bulletin (the fields the specs read). */
export interface EmergencyRecordView {
  id: string
  origin: string
  title: string
  airedAtMs: number[]
  receivedAtMs: number
  stoppedAtMs: number | null
  isActual: boolean
}

export class EmergencyScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly banner = () => this.page.getByRole('alertdialog', { name: this.s('emergency.banner.label') })
  readonly bannerState = () => this.banner().getByTestId('emergency-state')
  readonly acknowledgeButton = () => this.banner().getByRole('button', { name: this.s('emergency.banner.acknowledge') })
  readonly panel = () => this.page.getByTestId('emergency-panel')
  readonly countdown = () => this.page.getByRole('spinbutton', { name: this.s('emergency.settings.countdown') })

  /** Cài đặt → Tin khẩn cấp: a new countdown, saved when the field is left. */
  async setCountdown(seconds: number): Promise<void> {
    await this.page.getByRole('menuitem', { name: this.s('nav.settings') }).click()
    await this.countdown().fill(String(seconds))
    await this.countdown().blur()
    await this.page.getByText(this.s('emergency.settings.saved')).first().waitFor()
  }

  /** Picks a file with "Nhập cảnh báo CAP…" (Phát sóng must be open). */
  async importCap(name: string, text: string): Promise<void> {
    await this.panel()
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(text, 'utf8') })
  }

  async records(): Promise<EmergencyRecordView[]> {
    const rows = await this.page.evaluate(async () => {
      const open = indexedDB.open('daixa')
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(new Error(String(open.error)))
      })
      const all = db.transaction('emergencies').objectStore('emergencies').getAll()
      const result = await new Promise<unknown[]>((resolve) => (all.onsuccess = () => resolve(all.result)))
      db.close()
      return result
    })
    return rows as EmergencyRecordView[]
  }
}
