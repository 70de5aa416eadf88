/**
 * Lịch phát, as the officer sees it: a day's sessions, their items, the session settings (device
 * steps, zone codes, RDS) and the add-item dialog.
 *
 *   const schedule = new ScheduleScreen(page, vi)
 *   await schedule.open()
 *   await schedule.setDate(stationDate(1))
 *   await schedule.addItem('Buổi sáng', 'Tin một')
 */
import { typeLocalDate, typeLocalTime } from './antd-date'
import { expect, type Locator, type Page } from '@playwright/test'
import { chooseOption, chooseOptionContaining } from './antd-select'

/** The station's calendar day (UTC+7) `daysFromToday` days from now, `YYYY-MM-DD`. */
export function stationDate(daysFromToday = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + daysFromToday * 86_400_000).toISOString().slice(0, 10)
}

export interface SessionDevices {
  /** adds "relay on" and "RF on" on the first relay board / exciter, reversed in the post-roll */
  relayAndRf?: boolean
  zone?: { on: string; off: string }
  /** the RDS encoder's name as configured in Thiết bị */
  rds?: string
}

export class ScheduleScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { name: this.s('schedule.title') })
  readonly dateInput = () => this.page.getByRole('textbox', { name: this.s('schedule.date') }).first()
  readonly dialog = () => this.page.getByRole('dialog')
  /** The day's policy warnings (one list; null-safe: count 0 when there are none). */
  readonly dayWarnings = () =>
    this.page
      .getByRole('alert')
      .filter({ hasText: this.s('schedule.dayWarnings') })
      .locator('li')

  /** A session's card, by the session's label. */
  session(label: string): Locator {
    return this.page.locator('.ant-card').filter({
      has: this.page.locator('.ant-card-head-title').getByText(label, { exact: true }),
    })
  }

  /** The table rows of a session's items (not the header, not the "nothing yet" row). */
  items(label: string): Locator {
    return this.session(label).locator('tr.ant-table-row')
  }

  item(label: string, title: string): Locator {
    return this.items(label).filter({ hasText: title })
  }

  /** The "Của tỉnh" badge of an item the province placed. */
  provinceBadge(label: string, title: string): Locator {
    return this.item(label, title).getByText(this.s('schedule.province.badge'), { exact: true })
  }

  /** The add dialog's error for a date that is over. */
  readonly pastDateError = () => this.dialog().getByText(this.s('schedule.whenProblem.past-date'))
  /** The add dialog's cluster choice "every cluster of the station (n)". */
  readonly allClusters = (count: number) =>
    this.dialog().getByText(this.s('schedule.clusters.all').replace('{{count}}', String(count)))

  /** Cài đặt → Buổi phát của tỉnh: places a province session (by its name) in a station session. */
  async mapProvinceSession(provinceName: string, stationLabel: string): Promise<void> {
    const select = this.page.getByRole('combobox', {
      name: this.s('schedule.provinceSessions.choose').replace('{{name}}', provinceName),
    })
    await chooseOptionContaining(this.page, select, `${stationLabel} (`)
  }

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: this.s('schedule.nav') }).click()
    await this.heading().waitFor()
  }

  async setDate(date: string): Promise<void> {
    await typeLocalDate(this.page.getByRole('textbox', { name: this.s('schedule.date'), exact: true }), date)
  }

  /** Session settings: relay + RF on (reversed after), one zone's DTMF codes, the RDS encoder. */
  async configureSession(label: string, devices: SessionDevices): Promise<void> {
    await this.session(label)
      .getByRole('button', { name: this.s('schedule.sessionSettingsOf').replace('{{label}}', label) })
      .click()
    const dialog = this.dialog()
    if (devices.relayAndRf) {
      await dialog
        .getByRole('button', { name: this.s('schedule.settings.addRelay') })
        .first()
        .click()
      await dialog
        .getByRole('button', { name: this.s('schedule.settings.addRf') })
        .first()
        .click()
      await dialog.getByRole('button', { name: this.s('schedule.settings.reverse') }).click()
    }
    if (devices.zone) {
      await dialog.getByRole('button', { name: this.s('schedule.settings.addZone') }).click()
      await dialog.getByRole('textbox', { name: this.s('schedule.settings.onCode') }).fill(devices.zone.on)
      await dialog.getByRole('textbox', { name: this.s('schedule.settings.offCode') }).fill(devices.zone.off)
    }
    if (devices.rds) {
      await chooseOption(
        this.page,
        dialog.getByRole('combobox', { name: this.s('schedule.settings.rds') }),
        devices.rds,
      )
    }
    await dialog.getByRole('button', { name: this.s('schedule.save'), exact: true }).click()
    await expect(dialog).toHaveCount(0)
  }

  /** Session settings: the start time ("07:05") and the booked length in minutes. */
  async setSessionTime(label: string, start: string, lengthMin: number): Promise<void> {
    await this.session(label)
      .getByRole('button', { name: this.s('schedule.sessionSettingsOf').replace('{{label}}', label) })
      .click()
    const dialog = this.dialog()
    await typeLocalTime(dialog.getByRole('textbox', { name: this.s('schedule.settings.start') }), start)
    await dialog.getByRole('spinbutton', { name: this.s('schedule.settings.length') }).fill(String(lengthMin))
    await dialog.getByRole('button', { name: this.s('schedule.save'), exact: true }).click()
    await expect(dialog).toHaveCount(0)
  }

  /** Opens "Thêm mục" of a session. */
  async openAdd(label: string): Promise<void> {
    await this.session(label)
      .getByRole('button', { name: this.s('schedule.addTo').replace('{{label}}', label) })
      .click()
    await this.dialog().waitFor()
  }

  /** Chooses a library item by (part of) its title in the open add dialog. */
  async chooseItem(title: string): Promise<void> {
    await chooseOptionContaining(
      this.page,
      this.dialog().getByRole('combobox', { name: this.s('schedule.form.item') }),
      title,
    )
  }

  /** The add dialog's one-off date (the day shown, unless changed). */
  async setItemDate(date: string): Promise<void> {
    await typeLocalDate(this.dialog().getByRole('textbox', { name: this.s('schedule.repeat.date') }), date)
  }

  /** The add dialog's save button (its text changes to "Vẫn lưu" when the policy warns). */
  readonly saveButton = () =>
    this.dialog()
      .getByRole('button')
      .filter({ hasText: new RegExp(`^(${this.s('schedule.save')}|${this.s('schedule.saveAnyway')})$`) })

  /** Places a library item once in a session of the day shown, and waits for its row. */
  async addItem(label: string, title: string): Promise<void> {
    await this.openAdd(label)
    await this.chooseItem(title)
    await this.saveButton().click()
    await expect(this.dialog()).toHaveCount(0)
    await expect(this.item(label, title)).toBeVisible()
  }

  // ---- the week tools (issue 19): locators only, so a spec can count the officer's actions ----

  /** Thêm buổi / Mẫu buổi phát / Sao chép ngày / Sao chép tuần, above the sessions. */
  readonly weekTool = (tool: 'addSession' | 'templates' | 'copyDay' | 'copyWeek') => {
    const key = {
      addSession: 'plan.session.add',
      templates: 'plan.templates.open',
      copyDay: 'plan.copy.day',
      copyWeek: 'plan.copy.week',
    }[tool]
    // the accessible name starts with the icon's ("snippets Mẫu buổi phát")
    return this.page.getByRole('button', { name: new RegExp(`(^|\\s)${this.s(key)}$`) })
  }

  /** A session's "Dựng từ mẫu". */
  readonly applyTemplateButton = (label: string) =>
    this.session(label).getByRole('button', { name: this.s('plan.apply.openFor').replace('{{label}}', label) })

  /** The template dialog's name field and its slots (a multiple select, picked in playing order). */
  readonly templateName = () => this.dialog().getByRole('textbox', { name: this.s('plan.templates.name') })
  readonly templateSlots = () => this.dialog().getByRole('combobox', { name: this.s('plan.templates.slots') })
  /** An option of the open slots dropdown, by the start of its title ("Nhạc hiệu" finds "Nhạc hiệu (00:15)"). */
  readonly slotOption = (title: string) =>
    this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: title })
      .first()

  /** A choice (checkbox or radio) in the open dialog, by its text. */
  readonly dialogChoice = (text: string) => this.dialog().locator('label').filter({ hasText: text }).first()

  /** The open dialog's button by its text (Lưu mẫu, Dựng, Sao chép, Lưu…). */
  readonly dialogButton = (text: string) => this.dialog().getByRole('button', { name: text, exact: true })

  /** The fill preview's list of sessions that already hold items. */
  readonly fillConflicts = () => this.dialog().getByRole('alert').locator('li')
}
